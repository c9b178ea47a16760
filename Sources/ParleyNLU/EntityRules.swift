/// The admin-editable parts of entity extraction, from the NLU data
/// (`regex:`, `lookup:` and `synonym:` sections in Rasa's shape).
public struct EntityRules: Sendable, Hashable, Codable {
    /// Named patterns; a pattern's first capture group, when it has one, is the value.
    public var regexes: [RegexPattern]
    /// Entity name → phrases; matched on word boundaries, case-insensitively.
    public var lookups: [String: [String]]
    /// Canonical value → variants (case-insensitive).
    public var synonyms: [String: [String]]
    /// Built-in extractors to run: `amount`, `date`, `email`.
    public var builtins: [String]

    public struct RegexPattern: Sendable, Hashable, Codable {
        public var entity: String
        public var pattern: String

        public init(entity: String, pattern: String) {
            self.entity = entity
            self.pattern = pattern
        }
    }

    public static let knownBuiltins: Set<String> = ["amount", "date", "email"]

    public init(
        regexes: [RegexPattern] = [],
        lookups: [String: [String]] = [:],
        synonyms: [String: [String]] = [:],
        builtins: [String] = ["amount", "date", "email"]
    ) {
        self.regexes = regexes
        self.lookups = lookups
        self.synonyms = synonyms
        self.builtins = builtins
    }
}
