/// A slot: a value the bot remembers during a conversation, and how it is filled.
public struct SlotDefinition: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case text, categorical, float, bool, any
    }

    public var name: String
    public var kind: Kind
    /// Allowed values of a categorical slot (lowercased).
    public var values: [String]
    public var mappings: [SlotMapping]
    public var initialValue: String?

    public init(name: String, kind: Kind = .text, values: [String] = [], mappings: [SlotMapping] = [], initialValue: String? = nil) {
        self.name = name
        self.kind = kind
        self.values = values
        self.mappings = mappings
        self.initialValue = initialValue
    }
}

/// How a slot is filled from a message (Rasa 3's `mappings:`).
public struct SlotMapping: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable {
        /// The value of an extracted entity.
        case fromEntity = "from_entity"
        /// The whole message text.
        case fromText = "from_text"
        /// A fixed value when a given intent is predicted.
        case fromIntent = "from_intent"
    }

    public var source: Source
    public var entity: String?
    /// Only for these intents (empty: any).
    public var intents: [String]
    /// Never for these intents.
    public var notIntents: [String]
    /// The value of a `from_intent` mapping.
    public var value: String?
    /// Only while this form is active (Rasa `conditions: - active_loop:`).
    public var activeForm: String?
    /// Only when the form asked for this slot (Rasa `conditions: - requested_slot:`).
    public var requestedSlot: String?

    public init(
        source: Source, entity: String? = nil, intents: [String] = [], notIntents: [String] = [],
        value: String? = nil, activeForm: String? = nil, requestedSlot: String? = nil
    ) {
        self.source = source
        self.entity = entity
        self.intents = intents
        self.notIntents = notIntents
        self.value = value
        self.activeForm = activeForm
        self.requestedSlot = requestedSlot
    }
}
