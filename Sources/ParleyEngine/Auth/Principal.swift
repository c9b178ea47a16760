import Foundation
import ParleyAudit
#if canImport(Glibc)
import Glibc
#endif

/// Who is acting, as the audit trail names them: a token (by id, never the
/// secret), the operating-system user running a command, or the system.
public struct Principal: Sendable, Hashable {
    public let actor: AuditActor
    public let role: AuditRole

    public init(actor: AuditActor, role: AuditRole) {
        self.actor = actor
        self.role = role
    }

    public static let system = Principal(actor: .system, role: .system)

    /// A customer channel on loopback without a token (before any channel token exists).
    public static let loopbackChannel = Principal(actor: (try? AuditActor(rawValue: "channel:loopback")) ?? .system, role: .channel)

    public static func token(_ caller: AuthenticatedCaller) -> Principal {
        let role: AuditRole = switch caller.role {
        case .channel: .channel
        case .agent: .agent
        case .admin: .admin
        case .auditor: .auditor
        }
        return Principal(actor: (try? AuditActor.token(id: caller.tokenID)) ?? .system, role: role)
    }

    /// The operating-system user running this process (for CLI commands).
    public static func localUser() -> Principal {
        var name = "uid-\(geteuid())"
        if let entry = getpwuid(geteuid()), let login = entry.pointee.pw_name {
            name = String(cString: login)
        }
        let actor = (try? AuditActor.osUser(name)) ?? (try? AuditActor.osUser("uid-\(geteuid())")) ?? .system
        return Principal(actor: actor, role: .operator)
    }

    /// An event by this principal.
    public func event(
        _ action: String, target: AuditTarget? = nil, outcome: AuditOutcome = .success, details: [String: String] = [:]
    ) -> AuditEvent {
        AuditEvent(actor: actor, role: role, action: action, target: target, outcome: outcome, details: details)
    }
}

extension AuditTarget {
    static func conversation(_ id: String) -> AuditTarget? { try? AuditTarget(kind: "conversation", id: id) }
    static func token(_ id: String) -> AuditTarget? { try? AuditTarget(kind: "token", id: id) }
    static func model(_ version: String) -> AuditTarget? { try? AuditTarget(kind: "model", id: version) }
    static func key(_ id: String) -> AuditTarget? { try? AuditTarget(kind: "master_key", id: id) }
}
