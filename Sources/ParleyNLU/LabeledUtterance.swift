/// A training or test example: an utterance and its intent, with the entities
/// annotated in it (Rasa markup such as `[#12345](order_id)` already removed).
public struct LabeledUtterance: Sendable, Hashable, Codable {
    public var text: String
    public var intent: String
    public var entities: [EntityAnnotation]

    public init(text: String, intent: String, entities: [EntityAnnotation] = []) {
        self.text = text
        self.intent = intent
        self.entities = entities
    }
}

/// An entity marked in a training example.
public struct EntityAnnotation: Sendable, Hashable, Codable {
    public var entity: String
    /// The canonical value (the synonym target when one is given), else the text.
    public var value: String
    /// Unicode scalar offsets in the example's plain text.
    public var start: Int
    public var end: Int

    public init(entity: String, value: String, start: Int, end: Int) {
        self.entity = entity
        self.value = value
        self.start = start
        self.end = end
    }
}
