import Foundation
import ParleyEncoder
import ParleyLearning
@_spi(Benchmarks) import ParleyStore

/// Parley's configuration (`parley.yml`): every key has a default, so no file
/// is needed. Loaded and validated in one place, ``ParleyConfiguration/load(from:layout:)``.
public struct ParleyConfiguration: Sendable, Hashable {
    public struct Server: Sendable, Hashable {
        public var host = "127.0.0.1"
        public var port = 8000
        /// Requests with a larger body are refused with 413 before they are read.
        public var maxBodyBytes = 64 * 1024
        /// A connection without a complete request head for this long is closed (idle keep-alive, trickled headers).
        public var idleTimeoutSeconds = 30
        /// A request's body must arrive within this time of its head (408 otherwise).
        public var bodyTimeoutSeconds = 10
        /// Connections open at once (also kept below the process's open-file limit).
        public var maxConnections = 4096
        /// Requests running the turn pipeline at once; 0: twice the cores.
        public var maxConcurrentTurns = 0
        /// Requests waiting for the pipeline; one more is answered 503 with Retry-After.
        public var maxQueuedTurns = 64
        /// The longest a request waits in that queue (503 after).
        public var queueTimeoutSeconds = 5
        /// When customer endpoints serve loopback without a channel token: auto, always, never.
        public var tokenlessLoopback = "auto"
    }

    public struct Paths: Sendable, Hashable {
        public var dataDirectory: URL
        public var botDirectory: URL
        public var policiesDirectory: URL
        public var keysDirectory: URL
        /// The sentence encoder file; nil (`encoder_file: none`) runs the linear model alone.
        public var encoderFile: URL?
    }

    public struct Logging: Sendable, Hashable {
        public enum Format: String, Sendable, Hashable { case text, json }
        public var level = "info"
        public var format = Format.text
    }

    public struct Audit: Sendable, Hashable {
        /// The origin line of signed checkpoints (C2SP tlog-checkpoint).
        public var origin = "parley.local/audit"
        /// Seconds between periodic signed checkpoints.
        public var checkpointIntervalSeconds = 300
    }

    public struct Storage: Sendable, Hashable {
        /// SQLite's page cache per connection, in KiB (also the cache a backup,
        /// rotation or restore writes its copy through).
        public var pageCacheKiB = StoreOptions.defaultPageCacheKiB
        /// Free space (MiB) kept on the data directory's disk: customer turns
        /// are refused with 507 below it.
        public var reserveMiB = Int(StoreOptions.defaultReserveBytes >> 20)
        /// Benchmarks only: plain SQLite files (see `StoreOptions.encrypted`); never read from a file.
        @_spi(Benchmarks) public var plainForBenchmarks = false
    }

    public struct Retention: Sendable, Hashable {
        /// When `serve` applies the retention policy (`policies/retention.yml`).
        public enum Schedule: Sendable, Hashable, CustomStringConvertible {
            case off
            /// Every day at this UTC time.
            case daily(hour: Int, minute: Int)
            /// Every so many seconds, the first run one interval after the start.
            case every(seconds: Int)

            public var description: String {
                switch self {
                case .off: "off"
                case let .daily(hour, minute): String(format: "daily %02d:%02d", hour, minute)
                case let .every(seconds): seconds % 3600 == 0 ? "every \(seconds / 3600)h" : "every \(seconds / 60)m"
                }
            }

            /// `off`, `daily HH:MM` (UTC) or `every N` with a unit `m` or `h` (5m to 168h).
            public init?(parsing text: String) {
                let words = text.lowercased().split(separator: " ").map(String.init)
                if words == ["off"] { self = .off; return }
                if words.count == 2, words[0] == "daily" {
                    let parts = words[1].split(separator: ":").compactMap { Int($0) }
                    guard parts.count == 2, (0...23).contains(parts[0]), (0...59).contains(parts[1]), words[1].count == 5 else { return nil }
                    self = .daily(hour: parts[0], minute: parts[1])
                    return
                }
                if words.count == 2, words[0] == "every", let unit = words[1].last, let count = Int(words[1].dropLast()) {
                    let seconds = unit == "h" ? count * 3600 : unit == "m" ? count * 60 : -1
                    guard (300...(168 * 3600)).contains(seconds) else { return nil }
                    self = .every(seconds: seconds)
                    return
                }
                return nil
            }
        }

        public var schedule = Schedule.daily(hour: 3, minute: 0)
        /// Items removed per transaction: small enough that turns keep flowing during a run.
        public var chunkSize = 100
    }

    public struct Keys: Sendable, Hashable {
        /// A 0600 file whose first line is the master key's passphrase (passphrase-protected keys).
        public var passphraseFile: URL?
        /// systemd's `$CREDENTIALS_DIRECTORY`, taken from the environment at load.
        public var credentialsDirectory: URL?
    }

    /// The NLU cascade's sentence encoder.
    public struct NLU: Sendable, Hashable {
        /// Threads one forward pass may split over when the helper pool is idle (`auto`: every core, at most 4).
        public var encoderThreads = EncoderThreads.automatic
    }

    /// The agent console under `/console`.
    public struct Console: Sendable, Hashable {
        /// A session unused this long ends.
        public var idleTimeoutMinutes = 30
        /// A session ends this long after sign-in, however active.
        public var absoluteTimeoutHours = 12
        /// `auto`: the cookie is Secure when a TLS proxy says the request came over HTTPS; `always`.
        public var secureCookie = "auto"
    }

    public var server = Server()
    public var console = Console()
    public var paths: Paths
    public var keys = Keys()
    public var logging = Logging()
    public var audit = Audit()
    public var storage = Storage()
    public var retention = Retention()
    public var nlu = NLU()
    /// The learning loop: review queue, gate, hot swap.
    public var learning = LearningSettings()
    /// The file this configuration came from, if any.
    public var source: URL?

    /// The store's connection settings.
    public var storeOptions: StoreOptions {
        var options = StoreOptions(pageCacheKiB: storage.pageCacheKiB, reserveBytes: UInt64(storage.reserveMiB) << 20)
        options.encrypted = !storage.plainForBenchmarks
        return options
    }

    public init(layout: Layout) {
        paths = Paths(
            dataDirectory: layout.dataDirectory, botDirectory: layout.botDirectory,
            policiesDirectory: layout.policiesDirectory, keysDirectory: layout.keysDirectory,
            encoderFile: layout.encoderFile
        )
    }

    /// Reads `file` (must exist when given explicitly); without a file, the
    /// layout's default config file is read if present, else defaults apply.
    public static func load(
        from file: URL?, layout: Layout, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(EngineError) -> ParleyConfiguration {
        var configuration = ParleyConfiguration(layout: layout)
        // The one place the environment is read: systemd hands credentials over this way.
        configuration.keys.credentialsDirectory = environment["CREDENTIALS_DIRECTORY"].map { URL(fileURLWithPath: $0) }
        let url: URL
        if let file {
            guard FileManager.default.fileExists(atPath: file.path) else {
                throw .configuration(file: file.path, line: nil, key: nil, reason: "file not found")
            }
            url = file
        } else if FileManager.default.fileExists(atPath: layout.configFile.path) {
            url = layout.configFile
        } else {
            return configuration
        }
        configuration.source = url
        let root = try YAMLNode.load(url)
        let base = url.deletingLastPathComponent()
        for (key, value) in try root.mapping(allowed: ["version", "server", "paths", "keys", "logging", "audit", "storage", "retention", "learning", "console", "nlu"]) {
            switch key {
            case "version":
                guard try value.int() == 1 else { throw value.fail("only version 1 is supported") }
            case "server":
                try configuration.server.read(value)
            case "paths":
                for (key, value) in try value.mapping(allowed: ["data_dir", "bot_dir", "policies_dir", "keys_dir", "encoder_file"]) {
                    if key == "encoder_file", try value.nonEmptyString() == "none" {
                        configuration.paths.encoderFile = nil
                        continue
                    }
                    let path = URL(fileURLWithPath: try value.nonEmptyString(), relativeTo: base).standardizedFileURL
                    switch key {
                    case "data_dir": configuration.paths.dataDirectory = path
                    case "bot_dir": configuration.paths.botDirectory = path
                    case "policies_dir": configuration.paths.policiesDirectory = path
                    case "encoder_file": configuration.paths.encoderFile = path
                    default: configuration.paths.keysDirectory = path
                    }
                }
            case "keys":
                for (_, value) in try value.mapping(allowed: ["passphrase_file"]) {
                    configuration.keys.passphraseFile = URL(fileURLWithPath: try value.nonEmptyString(), relativeTo: base).standardizedFileURL
                }
            case "logging":
                for (key, value) in try value.mapping(allowed: ["level", "format"]) {
                    if key == "level" {
                        let level = try value.nonEmptyString().lowercased()
                        guard ["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(level) else {
                            throw value.fail("expected one of trace, debug, info, notice, warning, error, critical")
                        }
                        configuration.logging.level = level
                    } else {
                        guard let format = Logging.Format(rawValue: try value.nonEmptyString()) else {
                            throw value.fail("expected text or json")
                        }
                        configuration.logging.format = format
                    }
                }
            case "retention":
                for (key, value) in try value.mapping(allowed: ["schedule", "chunk_size"]) {
                    if key == "schedule" {
                        guard let schedule = Retention.Schedule(parsing: try value.nonEmptyString()) else {
                            throw value.fail("expected off, 'daily HH:MM' (UTC) or 'every N' with m or h (5m to 168h)")
                        }
                        configuration.retention.schedule = schedule
                    } else {
                        configuration.retention.chunkSize = try value.int(in: 1...10_000)
                    }
                }
            case "learning":
                try LearningSettingsReader.read(value, into: &configuration.learning)
            case "nlu":
                for (_, value) in try value.mapping(allowed: ["encoder_threads"]) {
                    let text = try value.nonEmptyString()
                    guard let threads = EncoderThreads(parsing: text) else { throw value.fail("expected auto or a whole number from 1 to 64") }
                    configuration.nlu.encoderThreads = threads
                }
            case "console":
                for (key, value) in try value.mapping(allowed: ["idle_timeout_minutes", "absolute_timeout_hours", "secure_cookie"]) {
                    switch key {
                    case "idle_timeout_minutes": configuration.console.idleTimeoutMinutes = try value.int(in: 1...1440)
                    case "absolute_timeout_hours": configuration.console.absoluteTimeoutHours = try value.int(in: 1...168)
                    default:
                        let mode = try value.nonEmptyString()
                        guard ["auto", "always"].contains(mode) else { throw value.fail("expected auto or always") }
                        configuration.console.secureCookie = mode
                    }
                }
            case "storage":
                for (key, value) in try value.mapping(allowed: ["page_cache_kib", "reserve_mib"]) {
                    if key == "reserve_mib" {
                        configuration.storage.reserveMiB = try value.int(in: 0...(1 << 20))
                    } else {
                        configuration.storage.pageCacheKiB = try value.int(in: StoreOptions.minimumPageCacheKiB...(16 * 1024 * 1024))
                    }
                }
            default:
                for (key, value) in try value.mapping(allowed: ["origin", "checkpoint_interval_seconds"]) {
                    if key == "origin" {
                        let origin = try value.nonEmptyString()
                        guard !origin.contains("\n"), !origin.contains(" ") else { throw value.fail("must be one word without spaces") }
                        configuration.audit.origin = origin
                    } else {
                        configuration.audit.checkpointIntervalSeconds = try value.int(in: 10...86_400)
                    }
                }
            }
        }
        return configuration
    }
}
