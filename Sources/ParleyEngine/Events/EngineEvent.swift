import Foundation
import ParleyStore

/// Something changed that agents' screens show: a handoff was created,
/// claimed or resolved; a turn or an internal note was added to a handed-off
/// conversation. Events carry ids, queue, reason and rule names and token
/// ids only, never customer or agent text: a screen that wants the text
/// reads it through the audited API.
public enum EngineEvent: Sendable, Hashable {
    /// A handoff's new state (waiting, claimed or resolved).
    case handoff(HandoffRecord)
    /// A customer message or an agent reply stored in a conversation that was handed off.
    case turn(conversationID: String, seq: Int, role: Role)
    /// An agent added an internal note.
    case note(conversationID: String)

    public var conversationID: String {
        switch self {
        case let .handoff(handoff): handoff.conversationID
        case let .turn(conversationID, _, _), let .note(conversationID): conversationID
        }
    }
}
