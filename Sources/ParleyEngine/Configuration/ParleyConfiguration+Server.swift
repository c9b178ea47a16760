extension ParleyConfiguration.Server {
    static let keys: Set<String> = [
        "host", "port", "max_body_bytes", "idle_timeout_seconds", "body_timeout_seconds", "max_connections",
        "max_concurrent_turns", "max_queued_turns", "queue_timeout_seconds", "tokenless_loopback",
    ]

    /// `server:` of parley.yml; the limits and what each answers are in parley.yml(5).
    mutating func read(_ node: YAMLNode) throws(EngineError) {
        for (key, value) in try node.mapping(allowed: Self.keys) {
            switch key {
            case "host": host = try value.nonEmptyString()
            case "port": port = try value.int(in: 1...65535)
            case "max_body_bytes": maxBodyBytes = try value.int(in: 1024...(16 * 1024 * 1024))
            case "idle_timeout_seconds": idleTimeoutSeconds = try value.int(in: 1...3600)
            case "body_timeout_seconds": bodyTimeoutSeconds = try value.int(in: 1...600)
            case "max_connections": maxConnections = try value.int(in: 16...1_000_000)
            case "max_concurrent_turns": maxConcurrentTurns = try value.int(in: 0...4096)
            case "max_queued_turns": maxQueuedTurns = try value.int(in: 0...100_000)
            case "queue_timeout_seconds": queueTimeoutSeconds = try value.int(in: 1...300)
            default:
                let mode = try value.nonEmptyString()
                guard ["auto", "always", "never"].contains(mode) else { throw value.fail("expected auto, always or never") }
                tokenlessLoopback = mode
            }
        }
    }
}
