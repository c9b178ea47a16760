import Hummingbird
import Logging
import ParleyEngine

/// Turns every error into the JSON error shape. Unknown errors become a
/// bodiless-looking 500 whose log line names the error type only.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as APIError {
            return try error.response(from: request, context: context)
        } catch let error as EngineError {
            let api = APIError.from(error)
            if api.status.code >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(error.description)"])
            }
            return try api.response(from: request, context: context)
        } catch let error as HTTPError {
            let api: APIError = switch error.status {
            case .notFound: .notFoundRoute
            case .methodNotAllowed: APIError(.methodNotAllowed, code: "method_not_allowed", message: "method not allowed on this endpoint")
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
}
