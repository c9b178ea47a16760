import HTTPTypes
import ParleyEngine

/// The console's routes under `/console`: the page and its assets (no
/// session: they hold no data), the session itself, and the JSON API the
/// page uses, each with the roles whose sessions may call it. Every route
/// but the page's assets answers `Cache-Control: no-store`.
struct ConsoleEndpoint: Sendable, Hashable {
    let method: HTTPRequest.Method
    let path: String
    /// nil: no session needed (or the handler checks it).
    let roles: [AccessRole]?

    static let staff: [AccessRole] = [.agent, .admin, .auditor]

    static let page = ConsoleEndpoint(method: .get, path: "/console", roles: nil)
    static let asset = ConsoleEndpoint(method: .get, path: "/console/assets/{file}", roles: nil)
    static let signIn = ConsoleEndpoint(method: .post, path: "/console/api/session", roles: nil)
    static let session = ConsoleEndpoint(method: .get, path: "/console/api/session", roles: nil)
    static let signOut = ConsoleEndpoint(method: .delete, path: "/console/api/session", roles: staff)
    static let events = ConsoleEndpoint(method: .get, path: "/console/api/events", roles: [.agent])
    static let queues = ConsoleEndpoint(method: .get, path: "/console/api/queues", roles: [.agent])
    static let domain = ConsoleEndpoint(method: .get, path: "/console/api/domain", roles: [.agent, .admin])
    static let conversation = ConsoleEndpoint(method: .get, path: "/console/api/conversations/{id}", roles: [.agent])
    static let claim = ConsoleEndpoint(method: .post, path: "/console/api/conversations/{id}/claim", roles: [.agent])
    static let reply = ConsoleEndpoint(method: .post, path: "/console/api/conversations/{id}/replies", roles: [.agent])
    static let note = ConsoleEndpoint(method: .post, path: "/console/api/conversations/{id}/notes", roles: [.agent])
    static let resolve = ConsoleEndpoint(method: .post, path: "/console/api/conversations/{id}/resolve", roles: [.agent])
    static let tokens = ConsoleEndpoint(method: .get, path: "/console/api/tokens", roles: [.admin])
    static let createToken = ConsoleEndpoint(method: .post, path: "/console/api/tokens", roles: [.admin])
    static let revokeToken = ConsoleEndpoint(method: .post, path: "/console/api/tokens/{id}/revoke", roles: [.admin])
    static let models = ConsoleEndpoint(method: .get, path: "/console/api/models", roles: [.admin])
    static let review = ConsoleEndpoint(method: .get, path: "/console/api/review", roles: [.admin])
    static let labelReview = ConsoleEndpoint(method: .post, path: "/console/api/review/{id}/label", roles: [.admin])
    static let dismissReview = ConsoleEndpoint(method: .post, path: "/console/api/review/{id}/dismiss", roles: [.admin])
    static let auditExport = ConsoleEndpoint(method: .get, path: "/console/api/audit/export", roles: [.auditor])
    static let auditVerify = ConsoleEndpoint(method: .post, path: "/console/api/audit/verify", roles: [.auditor])
    static let erasures = ConsoleEndpoint(method: .get, path: "/console/api/erasures", roles: [.auditor])
    static let erasureReceipt = ConsoleEndpoint(method: .get, path: "/console/api/erasures/{id}/receipt", roles: [.auditor])
    static let holds = ConsoleEndpoint(method: .get, path: "/console/api/holds", roles: [.auditor])

    static let all: [ConsoleEndpoint] = [
        page, asset, signIn, session, signOut, events, queues, domain, conversation, claim, reply, note, resolve,
        tokens, createToken, revokeToken, models, review, labelReview, dismissReview,
        auditExport, auditVerify, erasures, erasureReceipt, holds,
    ]
}
