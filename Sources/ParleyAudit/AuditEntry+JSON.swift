/// The JSON form of an entry, used in export bundles and `--json` output:
///
///     {"seq":7,"time":"2025-03-14T09:26:53.589Z","actor":"token:01HX…","role":"agent",
///      "action":"conversation.read","target":{"kind":"conversation","id":"c-42"},
///      "outcome":"success","details":{"queue":"billing"}}
///
/// `target` is `null` when absent; `details` is always an object, members
/// sorted by key bytes. A verifier decodes this and re-derives the canonical
/// bytes; it never trusts a stored hash.
extension AuditEntry: Codable {
    enum CodingKeys: String, CodingKey {
        case seq, time, actor, role, action, target, outcome, details
    }

    private enum TargetKeys: String, CodingKey {
        case kind, id
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        var target: AuditTarget?
        if try container.contains(.target) && !container.decodeNil(forKey: .target) {
            let nested = try container.nestedContainer(keyedBy: TargetKeys.self, forKey: .target)
            target = try AuditTarget(
                kind: nested.decode(String.self, forKey: .kind),
                id: nested.decode(String.self, forKey: .id)
            )
        }
        try self.init(
            sequence: container.decode(UInt64.self, forKey: .seq),
            time: container.decode(AuditTime.self, forKey: .time),
            actor: AuditActor(rawValue: container.decode(String.self, forKey: .actor)),
            role: container.decode(AuditRole.self, forKey: .role),
            action: container.decode(String.self, forKey: .action),
            target: target,
            outcome: container.decode(AuditOutcome.self, forKey: .outcome),
            details: container.decode([String: String].self, forKey: .details)
        )
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sequence, forKey: .seq)
        try container.encode(time, forKey: .time)
        try container.encode(actor.rawValue, forKey: .actor)
        try container.encode(role, forKey: .role)
        try container.encode(action, forKey: .action)
        if let target {
            var nested = container.nestedContainer(keyedBy: TargetKeys.self, forKey: .target)
            try nested.encode(target.kind, forKey: .kind)
            try nested.encode(target.id, forKey: .id)
        } else {
            try container.encodeNil(forKey: .target)
        }
        try container.encode(outcome, forKey: .outcome)
        try container.encode(details, forKey: .details)
    }

    /// The canonical JSON text of this entry (one line, no whitespace).
    public var canonicalJSON: String {
        var writer = CanonicalJSON()
        write(to: &writer)
        return writer.text
    }

    func write(to writer: inout CanonicalJSON) {
        writer.beginObject()
        writer.key("seq"); writer.integer(sequence)
        writer.key("time"); writer.string(time.rfc3339)
        writer.key("actor"); writer.string(actor.rawValue)
        writer.key("role"); writer.string(role.rawValue)
        writer.key("action"); writer.string(action)
        writer.key("target")
        if let target {
            writer.beginObject()
            writer.key("kind"); writer.string(target.kind)
            writer.key("id"); writer.string(target.id)
            writer.endObject()
        } else {
            writer.null()
        }
        writer.key("outcome"); writer.string(outcome.rawValue)
        writer.key("details")
        writer.beginObject()
        for (key, value) in sortedDetails {
            writer.key(key); writer.string(value)
        }
        writer.endObject()
        writer.endObject()
    }
}
