import HTTPTypes
import ParleyEngine

/// Every endpoint of the API, with the roles allowed to call it. Routes are
/// registered from this list, and a test checks it against the OpenAPI document.
public struct Endpoint: Sendable, Hashable {
    public let method: HTTPRequest.Method
    public let path: String
    /// nil: no token needed.
    public let roles: [AccessRole]?
    /// Served without a token to a direct loopback peer (a local scraper), with a token of `roles` otherwise.
    public var openOnLoopback = false

    init(method: HTTPRequest.Method, path: String, roles: [AccessRole]?, openOnLoopback: Bool = false) {
        self.method = method
        self.path = path
        self.roles = roles
        self.openOnLoopback = openOnLoopback
    }

    public static let sendMessage = Endpoint(method: .post, path: "/v1/conversations/{id}/messages", roles: [.channel])
    public static let replies = Endpoint(method: .get, path: "/v1/conversations/{id}/replies", roles: [.channel])
    public static let webhook = Endpoint(method: .post, path: "/webhooks/rest/webhook", roles: [.channel])
    public static let parse = Endpoint(method: .post, path: "/model/parse", roles: [.channel, .admin])
    public static let transcript = Endpoint(method: .get, path: "/v1/conversations/{id}", roles: [.agent, .admin])
    public static let queues = Endpoint(method: .get, path: "/v1/queues", roles: [.agent])
    public static let queueHandoffs = Endpoint(method: .get, path: "/v1/queues/{queue}/handoffs", roles: [.agent])
    public static let claim = Endpoint(method: .post, path: "/v1/conversations/{id}/claim", roles: [.agent])
    public static let agentReply = Endpoint(method: .post, path: "/v1/conversations/{id}/agent-replies", roles: [.agent])
    public static let resolve = Endpoint(method: .post, path: "/v1/conversations/{id}/resolve", roles: [.agent])
    public static let reveal = Endpoint(method: .post, path: "/v1/conversations/{id}/turns/{seq}/reveal", roles: [.admin])
    public static let models = Endpoint(method: .get, path: "/v1/models", roles: [.admin])
    public static let auditExport = Endpoint(method: .get, path: "/v1/audit/export", roles: [.auditor])
    public static let retentionPlan = Endpoint(method: .get, path: "/v1/retention/plan", roles: [.admin])
    public static let retentionRuns = Endpoint(method: .get, path: "/v1/retention/runs", roles: [.admin, .auditor])
    public static let retentionApply = Endpoint(method: .post, path: "/v1/retention/runs", roles: [.admin])
    public static let erasures = Endpoint(method: .get, path: "/v1/erasures", roles: [.admin, .auditor])
    public static let createErasure = Endpoint(method: .post, path: "/v1/erasures", roles: [.admin])
    public static let erasure = Endpoint(method: .get, path: "/v1/erasures/{id}", roles: [.admin, .auditor])
    public static let erasureReceipt = Endpoint(method: .get, path: "/v1/erasures/{id}/receipt", roles: [.admin, .auditor])
    public static let holds = Endpoint(method: .get, path: "/v1/holds", roles: [.admin, .auditor])
    public static let createHold = Endpoint(method: .post, path: "/v1/holds", roles: [.admin])
    public static let releaseHold = Endpoint(method: .post, path: "/v1/holds/{id}/release", roles: [.admin])
    public static let createExport = Endpoint(method: .post, path: "/v1/exports", roles: [.admin])
    public static let reviewItems = Endpoint(method: .get, path: "/v1/review", roles: [.agent, .admin])
    public static let labelReviewItem = Endpoint(method: .post, path: "/v1/review/{id}/label", roles: [.agent, .admin])
    public static let dismissReviewItem = Endpoint(method: .post, path: "/v1/review/{id}/dismiss", roles: [.agent, .admin])
    public static let labelTurn = Endpoint(method: .post, path: "/v1/conversations/{id}/turns/{seq}/label", roles: [.agent, .admin])
    public static let candidateIntents = Endpoint(method: .get, path: "/v1/intents/candidates", roles: [.admin])
    public static let addIntent = Endpoint(method: .post, path: "/v1/intents", roles: [.admin])
    public static let mapIntent = Endpoint(method: .post, path: "/v1/intents/candidates/{name}/map", roles: [.admin])
    public static let model = Endpoint(method: .get, path: "/v1/models/{version}", roles: [.admin])
    public static let modelLabels = Endpoint(method: .get, path: "/v1/models/{version}/labels", roles: [.admin])
    public static let promoteModel = Endpoint(method: .post, path: "/v1/models/{version}/promote", roles: [.admin])
    public static let rollbackModel = Endpoint(method: .post, path: "/v1/models/rollback", roles: [.admin])
    public static let modelDiff = Endpoint(method: .get, path: "/v1/models/diff", roles: [.admin])
    public static let shadowReport = Endpoint(method: .get, path: "/v1/models/shadow", roles: [.admin])
    public static let setShadow = Endpoint(method: .post, path: "/v1/models/shadow", roles: [.admin])
    public static let health = Endpoint(method: .get, path: "/healthz", roles: nil)
    public static let metrics = Endpoint(method: .get, path: "/metrics", roles: [.admin], openOnLoopback: true)
    public static let openAPI = Endpoint(method: .get, path: "/openapi.json", roles: nil)

    /// The endpoints that run the turn pipeline, behind the turn queue.
    static let queued: [Endpoint] = [sendMessage, webhook, parse]

    public static let all: [Endpoint] = [
        sendMessage, replies, webhook, parse, transcript, queues, queueHandoffs, claim, agentReply, resolve,
        reveal, models, auditExport, retentionPlan, retentionRuns, retentionApply, erasures, createErasure, erasure,
        erasureReceipt, holds, createHold, releaseHold, createExport, health, metrics, openAPI,
        reviewItems, labelReviewItem, dismissReviewItem, labelTurn, candidateIntents, addIntent, mapIntent,
        model, modelLabels, promoteModel, rollbackModel, modelDiff, shadowReport, setShadow,
    ]
}

extension Endpoint {
    /// Whether `path` (as received, still percent-encoded) has this
    /// endpoint's shape: the same segments, a `{parameter}` standing for any
    /// one non-empty segment.
    func matches(path: String) -> Bool {
        let template = self.path.split(separator: "/", omittingEmptySubsequences: false)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard template.count == segments.count else { return false }
        return zip(template, segments).allSatisfy { pattern, segment in
            pattern.hasPrefix("{") ? !segment.isEmpty : pattern == segment
        }
    }

    /// How many of the template's segments are literal: where a literal and a
    /// `{parameter}` template both match a path (`/v1/models/rollback`,
    /// `/v1/models/{version}`), the path names the literal one's resource.
    var literalSegments: Int { path.split(separator: "/").count { !$0.hasPrefix("{") } }

    /// The methods served at `path`, for the `Allow` header of a 405 (HEAD
    /// wherever GET is): those of the most specific templates that match it;
    /// empty when no endpoint has that shape.
    static func allowedMethods(at path: String) -> [HTTPRequest.Method] {
        let matching = all.filter { $0.matches(path: path) }
        let specific = matching.map(\.literalSegments).max()
        var methods: [HTTPRequest.Method] = []
        for endpoint in matching where endpoint.literalSegments == specific && !methods.contains(endpoint.method) {
            methods.append(endpoint.method)
            if endpoint.method == .get { methods.append(.head) }
        }
        return methods
    }
}
