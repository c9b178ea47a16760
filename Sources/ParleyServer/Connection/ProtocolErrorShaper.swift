import HTTPTypes
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Gives the answers to requests the HTTP parser rejected (a garbage request
/// line, raw bytes in the target, oversized headers, a malformed chunk) the
/// API's JSON error shape. Hummingbird answers those itself, before any
/// route or middleware runs, with a bodiless 400; this handler, between the
/// codec and Hummingbird, remembers the parser's error on its way in and
/// rewrites that bodiless answer on its way out. Nothing is logged: a remote
/// client must not be able to fill the log.
///
/// One instance per connection, used on its event loop only.
final class ProtocolErrorShaper: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private var parserError: HTTPParserError?

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? HTTPParserError { parserError = error }
        context.fireErrorCaught(error)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case let .head(head) = unwrapOutboundIn(data), let error = parserError,
              head.status == .badRequest, head.headerFields[.contentLength] == "0"
        else {
            context.write(data, promise: promise)
            return
        }
        parserError = nil
        let api = Self.apiError(for: error)
        let body = ByteBuffer(bytes: api.jsonBody)
        var fields = head.headerFields
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: api.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: promise)
    }

    /// The API error for a parser error: fixed texts, never the bytes received.
    static func apiError(for error: HTTPParserError) -> APIError {
        switch error {
        case .headerOverflow:
            APIError(.requestHeaderFieldsTooLarge, code: "headers_too_large",
                     message: "the request's header section is too large (at most \(ServerSettings.maxHeaderBytes / 1024) KiB)")
        case .invalidURL, .invalidCharactersUsed:
            APIError(.badRequest, code: "invalid_request", message: "the request target is not a valid URL path (percent-encode other characters)")
        case .invalidChunkSize:
            APIError(.badRequest, code: "invalid_request", message: "the chunked request body is malformed")
        case .invalidContentLength, .unexpectedContentLength:
            APIError(.badRequest, code: "invalid_request", message: "the request's Content-Length is invalid")
        case .invalidMethod:
            APIError(.badRequest, code: "invalid_request", message: "the request method is not valid HTTP")
        case .invalidVersion:
            APIError(.badRequest, code: "invalid_request", message: "the request is not HTTP/1.x")
        case .invalidHeaderToken:
            APIError(.badRequest, code: "invalid_request", message: "a request header is malformed")
        default:
            APIError(.badRequest, code: "invalid_request", message: "the request is not valid HTTP/1.1")
        }
    }
}
