import Foundation
import ParleyIntegrations

/// A custom action (`action_*`): code that looks things up through the
/// integration layer and answers with the bot's responses.
public protocol CustomAction: Sendable {
    var name: String { get }
    /// Responses the action may send; checked against the domain at start-up.
    var responses: [String] { get }
    func run(_ context: ActionContext) async throws(EngineError) -> ActionOutcome
}

/// What an action may look at.
public struct ActionContext: Sendable {
    public var slots: [String: String]
    /// The customer the channel identified, if any.
    public var customerID: String?
    public var records: any CustomerRecords
    /// The raw PII of this message, in memory only, for an action that truly
    /// needs a value (finding a customer by email). Never stored or logged.
    public var rawPII: RawPII
    public var now: Date

    public init(slots: [String: String], customerID: String?, records: any CustomerRecords, rawPII: RawPII, now: Date) {
        self.slots = slots
        self.customerID = customerID
        self.records = records
        self.rawPII = rawPII
        self.now = now
    }
}

/// What an action did: responses to send (with their variables), slots to
/// change, and optionally a form to resume (to ask again for a value).
public struct ActionOutcome: Sendable {
    public struct Response: Sendable {
        public var name: String
        public var variables: [String: String]
    }

    public var responses: [Response] = []
    /// nil values clear the slot.
    public var slotChanges: [String: String?] = [:]
    public var resumeForm: String?

    public init(responses: [Response] = [], slotChanges: [String: String?] = [:], resumeForm: String? = nil) {
        self.responses = responses
        self.slotChanges = slotChanges
        self.resumeForm = resumeForm
    }
}
