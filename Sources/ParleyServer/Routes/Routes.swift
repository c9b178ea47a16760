import Foundation
import Hummingbird
import ParleyEngine

/// The handlers, one per endpoint, dispatched from ``Endpoint``.
struct Routes: Sendable {
    let engine: ParleyEngine
    let body: BodyDecoder
    let models: ModelRepository?
    /// In front of every request that runs the turn pipeline.
    let turnQueue: AdmissionQueue

    func respond(to endpoint: Endpoint, request: Request, context: ParleyRequestContext) async throws -> Response {
        switch endpoint {
        case .sendMessage: try await sendMessage(request, context)
        case .replies: try await replies(request, context)
        case .webhook: try await webhook(request, context)
        case .parse: try await parse(request, context)
        case .transcript: try await transcript(request, context)
        case .queues: try await queues(request, context)
        case .queueHandoffs: try await queueHandoffs(request, context)
        case .claim: try await claim(request, context)
        case .agentReply: try await agentReply(request, context)
        case .resolve: try await resolve(request, context)
        case .reveal: try await reveal(request, context)
        case .models: try await listModels(request, context)
        case .auditExport: try await auditExport(request, context)
        case .retentionPlan: try await retentionPlan(request, context)
        case .retentionRuns: try await retentionRuns(request, context)
        case .retentionApply: try await retentionApply(request, context)
        case .erasures: try await listErasures(request, context)
        case .createErasure: try await createErasure(request, context)
        case .erasure: try await erasure(request, context)
        case .erasureReceipt: try await erasureReceipt(request, context)
        case .holds: try await listHolds(request, context)
        case .createHold: try await createHold(request, context)
        case .releaseHold: try await releaseHold(request, context)
        case .createExport: try await createExport(request, context)
        case .reviewItems: try await reviewItems(request, context)
        case .labelReviewItem: try await labelReviewItem(request, context)
        case .dismissReviewItem: try await dismissReviewItem(request, context)
        case .labelTurn: try await labelTurn(request, context)
        case .candidateIntents: try await candidateIntents(request, context)
        case .addIntent: try await addIntent(request, context)
        case .mapIntent: try await mapIntent(request, context)
        case .model: try await model(request, context)
        case .modelLabels: try await modelLabels(request, context)
        case .promoteModel: try await promoteModel(request, context)
        case .rollbackModel: try await rollbackModel(request, context)
        case .modelDiff: try await modelDiff(request, context)
        case .shadowReport: try await shadowReport(request, context)
        case .setShadow: try await setShadow(request, context)
        case .health: try health(request, context)
        case .metrics: metrics()
        case .openAPI: openAPI()
        default: throw APIError.notFoundRoute
        }
    }

    func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    func text(_ value: String, contentType: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: value)))
    }

    /// A path parameter, percent-decoded (`a%3Ab` is the id `a:b`).
    func parameter(_ name: String, _ context: ParleyRequestContext) throws -> String {
        guard let raw = context.parameters.get(name) else {
            throw APIError(.badRequest, code: "invalid_request", message: "missing path parameter '\(name)'")
        }
        guard let value = raw.removingPercentEncoding else {
            throw APIError(.badRequest, code: "invalid_request", message: "path parameter '\(name)' has an invalid percent-encoding")
        }
        return value
    }

    /// Runs `body` through the turn queue: 503 with `Retry-After` when the
    /// queue is full or the wait too long. Read the request body first: a
    /// client's upload is not held up by, and does not hold, a slot. A turn
    /// whose client hangs up while it waits leaves the queue without running
    /// (nothing stored, nothing answered); one that has started runs to the end.
    func admitted<T>(_ context: ParleyRequestContext, _ body: () async throws -> T) async throws -> T {
        do {
            return try await turnQueue.run(body, connection: context.connection)
        } catch let refusal as AdmissionQueue.Refusal {
            let reason = switch refusal {
            case .queueFull: "queue_full"
            case .waitedTooLong: "waited_too_long"
            case .abandoned: "client_gone"
            }
            engine.metrics.increment("parley_http_overload_rejections_total", labels: ["reason": reason])
            throw APIError.overloaded(retryAfter: turnQueue.retryAfterSeconds)
        }
    }

    /// The answer to HEAD: GET's status and headers (its Content-Length
    /// included), no body.
    static func headResponse(_ response: Response) -> Response {
        var headers = response.headers
        if headers[.contentLength] == nil, let length = response.body.contentLength { headers[.contentLength] = String(length) }
        return Response(status: response.status, headers: headers, body: .init())
    }

    func caller(_ context: ParleyRequestContext) throws -> AuthenticatedCaller {
        guard let caller = context.caller else { throw APIError.unauthorized }
        return caller
    }
}
