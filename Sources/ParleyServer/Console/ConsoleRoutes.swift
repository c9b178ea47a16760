import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ParleyAudit
import ParleyEngine
import ParleyRedaction

/// The console's handlers, one per ``ConsoleEndpoint``. Where the API has
/// the same operation, its handler serves (same checks, same audit entries,
/// same JSON); the console adds what a screen needs (names, the customer
/// panel, notes, a reply that waits for new customer messages to be read).
struct ConsoleRoutes: Sendable {
    let routes: Routes
    let sessions: ConsoleSessions
    let stream: ConsoleEventStream
    let audit: AuthenticationAudit

    var engine: ParleyEngine { routes.engine }

    func respond(to endpoint: ConsoleEndpoint, request: Request, context: ParleyRequestContext) async throws -> Response {
        switch endpoint {
        case .page: ConsoleAssets.page()
        case .asset: try ConsoleAssets.asset(try routes.parameter("file", context))
        case .signIn: try await signIn(request, context)
        case .session: try await session(request)
        case .signOut: try await signOut(request)
        case .events: try await events(request)
        case .queues: try await queues(context)
        case .domain: try domain()
        case .conversation: try await conversation(request, context)
        case .claim: try await claim(request, context)
        case .reply: try await reply(request, context)
        case .note: try await note(request, context)
        case .resolve: try await routes.resolve(request, context)
        case .tokens: try await tokens(context)
        case .createToken: try await createToken(request, context)
        case .revokeToken: try await revokeToken(context)
        case .models: try await routes.listModels(request, context)
        case .review: try await routes.reviewItems(request, context)
        case .labelReview: try await routes.labelReviewItem(request, context)
        case .dismissReview: try await routes.dismissReviewItem(request, context)
        case .auditExport: try await auditExport(request, context)
        case .auditVerify: try await auditVerify(request, context)
        case .erasures: try await routes.listErasures(request, context)
        case .erasureReceipt: try await erasureReceipt(request, context)
        case .holds: try await routes.listHolds(request, context)
        default: throw APIError.notFoundRoute
        }
    }

    // MARK: Agents

    func queues(_ context: ParleyRequestContext) async throws -> Response {
        let caller = try routes.caller(context)
        let queues = try await engine.queues(readBy: caller)
        let handoffs = try await engine.openHandoffs(queue: nil, readBy: caller)
        let names = try await engine.tokenNames()
        return try routes.json(ConsoleQueuesResponse(queues: queues, handoffs: handoffs.map { ConsoleHandoffView($0, names: names) }))
    }

    func domain() throws -> Response {
        let domain = engine.bot.domain
        let responses = domain.responses.sorted { $0.key < $1.key }.flatMap { name, variants in
            variants.map { ConsoleDomainResponse.Response(name: name, text: $0.text) }
        }
        return try routes.json(ConsoleDomainResponse(
            intents: domain.intents.sorted(), responses: responses, newIntents: true, piiTypes: PIIEntityType.allCases.map(\.rawValue)
        ))
    }

    /// `?panel=false` leaves the customer panel out (a refresh after an event: no second read of the customer's records).
    func conversation(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let caller = try routes.caller(context)
        let id = try routes.parameter("id", context)
        let transcript = try await engine.transcript(conversationID: id, readBy: caller)
        let notes = try await engine.notes(conversationID: id)
        let panel = request.uri.queryParameters.get("panel") == "false"
            ? CustomerPanel.notRead
            : try await engine.customerPanel(conversationID: id, readBy: caller)
        let names = try await engine.tokenNames()
        return try routes.json(ConsoleConversationResponse(transcript: transcript, panel: panel, notes: notes, names: names))
    }

    /// Claims, or says who holds the conversation.
    func claim(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        do {
            return try await routes.claim(request, context)
        } catch EngineError.conflict {
            let id = try routes.parameter("id", context)
            var name: String?
            if let holder = try await engine.store.openHandoff(conversationID: id)?.claimedBy { name = try await engine.tokenNames()[holder] }
            throw APIError(.conflict, code: "claimed_by_another", message: "this conversation is held by \(name ?? "another agent")")
        }
    }

    func reply(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try routes.parameter("id", context)
        let body = try await routes.body.decode(ConsoleReplyRequest.self, from: request)
        let outcome = try await engine.agentReply(conversationID: id, agent: try routes.caller(context), text: body.text, seenThrough: body.seenSeq)
        switch outcome {
        case let .sent(seq):
            return try routes.json(AgentReplyResponse(conversationID: id, seq: seq), status: .created)
        case let .customerWroteSince(count, newest):
            throw APIError(.conflict, code: "customer_wrote_since", message: count == 1
                ? "the customer wrote a new message (turn \(newest)) since; read it, then send again"
                : "the customer wrote \(count) new messages (up to turn \(newest)) since; read them, then send again")
        }
    }

    func note(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let id = try routes.parameter("id", context)
        let body = try await routes.body.decode(ConsoleNoteRequest.self, from: request)
        let caller = try routes.caller(context)
        let note = try await engine.addNote(conversationID: id, agent: caller, text: body.text)
        return try routes.json(
            ConsoleConversationResponse.Note(id: note.id, author: note.author, authorName: caller.name, text: note.text, at: note.at), status: .created
        )
    }

    // MARK: Admins

    func tokens(_ context: ParleyRequestContext) async throws -> Response {
        try routes.json(ConsoleTokenListResponse(try await engine.tokens.list(by: Principal.token(try routes.caller(context)))))
    }

    func createToken(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let body = try await routes.body.decode(ConsoleCreateTokenRequest.self, from: request)
        guard let role = AccessRole(rawValue: body.role) else {
            throw APIError(.badRequest, code: "invalid_request", message: "role must be one of \(AccessRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let created = try await engine.tokens.create(role: role, name: body.name, by: Principal.token(try routes.caller(context)))
        return try routes.json(ConsoleCreatedTokenResponse(id: created.id, token: created.token, role: created.role.rawValue), status: .created)
    }

    func revokeToken(_ context: ParleyRequestContext) async throws -> Response {
        let id = try routes.parameter("id", context)
        try await engine.tokens.revoke(id: id, by: Principal.token(try routes.caller(context)))
        struct Revoked: Encodable { let id: String; let revoked: Bool }
        return try routes.json(Revoked(id: id, revoked: true))
    }

    // MARK: Auditors

    /// The API's export, as a file to save.
    func auditExport(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        var response = try await routes.auditExport(request, context)
        let csv = request.uri.queryParameters.get("format") == "csv"
        let period = ["from", "to"].map { name in
            String((request.uri.queryParameters.get(name) ?? "").filter { $0.isASCII && ($0.isNumber || $0 == "-") }.prefix(10))
        }
        response.headers[.contentDisposition] = "attachment; filename=\"parley-audit-\(period[0])-to-\(period[1]).\(csv ? "csv" : "jsonl")\""
        return response
    }

    /// Verifies an uploaded bundle against this installation's verifier key.
    func auditVerify(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        let caller = try routes.caller(context)
        let limit = sessions.settings.maxBundleBytes
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit { throw BodyDecoder.tooLarge }
        let bytes: [UInt8]
        do { bytes = Array(buffer: try await request.body.collect(upTo: limit)) } catch is NIOTooManyBytesError { throw BodyDecoder.tooLarge }
        let report = AuditBundleVerifier.verify(bundleBytes: bytes, verifierKey: engine.audit.verifierKey)
        var details = ["scope": "upload", "status": report.status.rawValue, "bytes": String(bytes.count)]
        if let failure = report.failure { details["failure"] = failure.kind.rawValue }
        try await engine.audit.record(Principal.token(caller).event("audit.verify", outcome: report.isVerified ? .success : .failure, details: details))
        return try routes.json(report)
    }

    func erasureReceipt(_ request: Request, _ context: ParleyRequestContext) async throws -> Response {
        var response = try await routes.erasureReceipt(request, context)
        let id = try routes.parameter("id", context).filter { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
        response.headers[.contentDisposition] = "attachment; filename=\"parley-erasure-\(id.prefix(64)).jsonl\""
        return response
    }
}
