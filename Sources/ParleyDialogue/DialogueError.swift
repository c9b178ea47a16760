/// Errors in the bot's dialogue definition. They name domain items, never
/// anything a customer wrote.
public enum DialogueError: Error, Equatable, Sendable, CustomStringConvertible {
    case undeclared(kind: String, name: String, usedBy: String)

    public var description: String {
        switch self {
        case let .undeclared(kind, name, usedBy):
            "\(usedBy) uses \(kind) '\(name)', which the domain does not declare"
        }
    }
}
