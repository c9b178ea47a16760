import ParleyCrypto

/// Everything NLU training reads: labelled examples and entity rules.
public struct NLUTrainingData: Sendable, Hashable, Codable {
    public var examples: [LabeledUtterance]
    public var entityRules: EntityRules

    public init(examples: [LabeledUtterance] = [], entityRules: EntityRules = EntityRules()) {
        self.examples = examples
        self.entityRules = entityRules
    }

    public var intents: [String] { Array(Set(examples.map(\.intent))).sorted() }

    /// Examples per intent.
    public var intentCounts: [String: Int] {
        examples.reduce(into: [:]) { $0[$1.intent, default: 0] += 1 }
    }

    /// SHA-256 over the examples (intent, text) and rules in a fixed order; the
    /// same data always hashes the same, whatever file layout it came from.
    public var contentHash: String {
        var hasher = SHA256()
        for example in examples.sorted(by: { ($0.intent, $0.text) < ($1.intent, $1.text) }) {
            hasher.update(Array("\(example.intent)\u{1F}\(example.text)\u{1E}".utf8))
        }
        for regex in entityRules.regexes {
            hasher.update(Array("regex\u{1F}\(regex.entity)\u{1F}\(regex.pattern)\u{1E}".utf8))
        }
        for (entity, values) in entityRules.lookups.sorted(by: { $0.key < $1.key }) {
            hasher.update(Array("lookup\u{1F}\(entity)\u{1F}\(values.joined(separator: "\u{1F}"))\u{1E}".utf8))
        }
        for (value, variants) in entityRules.synonyms.sorted(by: { $0.key < $1.key }) {
            hasher.update(Array("synonym\u{1F}\(value)\u{1F}\(variants.joined(separator: "\u{1F}"))\u{1E}".utf8))
        }
        return Hex.encode(hasher.finalize())
    }

    /// Appends another source's examples and rules (several NLU files make one data set).
    public mutating func merge(_ other: NLUTrainingData) {
        examples += other.examples
        entityRules.regexes += other.entityRules.regexes
        entityRules.lookups.merge(other.entityRules.lookups) { $0 + $1 }
        entityRules.synonyms.merge(other.entityRules.synonyms) { $0 + $1 }
    }
}
