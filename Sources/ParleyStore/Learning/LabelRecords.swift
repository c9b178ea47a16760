import Foundation

/// Where a label came from.
public enum LabelSource: String, Sendable, Codable, CaseIterable, Hashable {
    /// An agent's resolution of a handoff.
    case feedback
    /// An item of the review queue, confirmed or corrected.
    case review
    /// A correction of any stored turn.
    case correction
}

/// An entity marked in a labelled turn: its name and where it is in the
/// redacted text (Unicode scalar offsets). Never its value: that is read from
/// the turn's sealed text when a model is trained.
public struct LabelEntity: Sendable, Hashable, Codable {
    public var entity: String
    public var start: Int
    public var end: Int

    public init(entity: String, start: Int, end: Int) {
        self.entity = entity
        self.start = start
        self.end = end
    }
}

/// The current label of a customer turn.
public struct StoredLabel: Sendable, Hashable, Codable {
    public var id: Int64
    public var turnID: Int64
    public var conversationID: String
    public var seq: Int
    public var source: LabelSource
    public var intent: String
    public var entities: [LabelEntity]
    /// What the model said when the turn was handled.
    public var predictedIntent: String?
    /// The audit actor who labelled it (`token:<id>`, `os:<user>`).
    public var labelledBy: String
    public var labelledAt: Date

    public init(
        id: Int64, turnID: Int64, conversationID: String, seq: Int, source: LabelSource, intent: String, entities: [LabelEntity] = [],
        predictedIntent: String? = nil, labelledBy: String, labelledAt: Date
    ) {
        self.id = id
        self.turnID = turnID
        self.conversationID = conversationID
        self.seq = seq
        self.source = source
        self.intent = intent
        self.entities = entities
        self.predictedIntent = predictedIntent
        self.labelledBy = labelledBy
        self.labelledAt = labelledAt
    }
}

/// A label with its turn's redacted text, for training: unsealed in memory only.
public struct LabelledExample: Sendable, Hashable {
    public var label: StoredLabel
    public var text: String
    /// The pseudonymous subject the conversation belongs to (lineage, erasure).
    public var subjectID: String

    public init(label: StoredLabel, text: String, subjectID: String) {
        self.label = label
        self.text = text
        self.subjectID = subjectID
    }
}

extension LabelledExample: CustomStringConvertible, CustomReflectable {
    /// Never the text.
    public var description: String { "LabelledExample(\(label.conversationID)#\(label.seq), \(label.intent))" }
    public var customMirror: Mirror { Mirror(self, children: ["label": label]) }
}

/// What a new label is, before it is stored.
public struct NewLabel: Sendable {
    public var conversationID: String
    public var seq: Int
    public var source: LabelSource
    public var intent: String
    public var entities: [LabelEntity]
    public var by: String
    /// The intent is not in the domain yet: record it as a candidate intent.
    public var proposesIntent: Bool
    /// The feedback row it comes from (an agent's resolution).
    public var feedbackID: Int64?

    public init(
        conversationID: String, seq: Int, source: LabelSource, intent: String, entities: [LabelEntity] = [], by: String,
        proposesIntent: Bool = false, feedbackID: Int64? = nil
    ) {
        self.conversationID = conversationID
        self.seq = seq
        self.source = source
        self.intent = intent
        self.entities = entities
        self.by = by
        self.proposesIntent = proposesIntent
        self.feedbackID = feedbackID
    }
}
