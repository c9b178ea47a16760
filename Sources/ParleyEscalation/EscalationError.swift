/// Errors in an escalation policy.
public enum EscalationError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownQueue(String, usedBy: String)
    case invalid(String)

    public var description: String {
        switch self {
        case let .unknownQueue(queue, usedBy):
            "\(usedBy) names queue '\(queue)', which is not declared under queues"
        case let .invalid(reason):
            reason
        }
    }
}
