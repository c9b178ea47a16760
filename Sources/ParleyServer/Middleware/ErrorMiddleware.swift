import Hummingbird
import Logging
import ParleyAudit
import ParleyEngine
import ParleyStore

/// Turns every error into the JSON error shape. Unknown errors become a
/// bodiless-looking 500 whose log line names the error type only.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The data directory's disk: a storage failure while it is full is a 507, not a 500.
    var space: StorageSpace?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as EngineError {
            var api = APIError.from(error)
            if case .storage = error, space?.isBelowReserve == true { api = .insufficientStorage }
            if api.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(error.description)"])
            }
            return try api.response(from: request, context: context)
        } catch let error as AuditError {
            // Audit errors reaching a route are the store's (bad input is checked before).
            context.logger.error("request failed", metadata: ["error": "\(error.description)"])
            let api: APIError = space?.isBelowReserve == true ? .insufficientStorage : .internalError
            return try api.response(from: request, context: context)
        } catch let error as HTTPError {
            let api: APIError = switch error.status {
            case .notFound, .methodNotAllowed: Self.notRouted(request)
            case .contentTooLarge: BodyDecoder.tooLarge
            default: APIError(error.status, code: "http_error", message: error.status.reasonPhrase)
            }
            return try api.response(from: request, context: context)
        } catch let error as HTTPResponseError where error.status == .contentTooLarge {
            return try BodyDecoder.tooLarge.response(from: request, context: context)
        } catch {
            context.logger.error("request failed", metadata: ["error.type": "\(String(reflecting: type(of: error)))"])
            return try APIError.internalError.response(from: request, context: context)
        }
    }

    /// No route took the request: 405 with `Allow` when the path is an
    /// endpoint's under another method, 404 otherwise.
    static func notRouted(_ request: Request) -> APIError {
        let allowed = Endpoint.allowedMethods(at: request.uri.path)
        guard !allowed.isEmpty else { return .notFoundRoute }
        return APIError(
            .methodNotAllowed, code: "method_not_allowed",
            message: "method not allowed; this endpoint takes \(allowed.map(\.rawValue).joined(separator: ", "))",
            headers: [.allow: allowed.map(\.rawValue).joined(separator: ", ")]
        )
    }
}
