import Foundation
import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// Refuses turn requests on the connection's event loop while the turn
/// queue is full, before they become a request task.
///
/// The queue (``AdmissionQueue``) already refuses what it cannot hold, but
/// each refusal it makes has first run as a Swift task (routing, the token
/// check, the body read) on the same few threads as the turns it protects.
/// A flood of clients that resend at once, ignoring `Retry-After`, then
/// starves the admitted turns: measured on 2 cores, 256 such clients cut the
/// turns answered from ~330 to ~18 a second. Here the refusal costs one
/// header check and one write on the event loop, and nothing else runs.
///
/// A client that comes back on the same connection before the `Retry-After`
/// it was given has passed, and would be refused again, gets its 503 when
/// that time is up rather than at once: a client that honours `Retry-After`
/// loses nothing, one that does not is paced by its own connections instead
/// of spinning the server.
///
/// Only requests with nothing else in flight on their connection are
/// refused here, so responses keep the order of their requests; the rest
/// reach the queue, which refuses them itself. Nothing is stored, logged or
/// audited for a refused request: it was never read past its head.
///
/// One instance per connection, used on its event loop only.
final class OverloadShedder: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The longest a refusal is held back for a client that came back early.
    static let maxPacing = TimeAmount.seconds(5)

    private let queue: AdmissionQueue
    private let onShed: @Sendable () -> Void
    /// Requests passed on whose response has not ended yet.
    private var inFlight = 0
    /// Set while the parts of a refused request are being discarded.
    private var refusing: Refusing?
    /// Until when this connection was told to stay away (its last 503's `Retry-After`).
    private var retryNotBefore: NIODeadline?
    /// The last request on this connection asked for `Connection: close`.
    private var lastRequestWantsClose = false
    /// A refusal held back until the client's `Retry-After` has passed.
    private var pacedAnswer: (refusal: Refusing, task: Scheduled<Void>)?

    private struct Refusing {
        let closeAfter: Bool
    }

    init(queue: AdmissionQueue, onShed: @escaping @Sendable () -> Void = {}) {
        self.queue = queue
        self.onShed = onShed
    }

    /// Whether a request runs the turn pipeline (the requests the queue admits).
    static func isTurnRequest(_ head: HTTPRequest) -> Bool {
        guard head.method == .post, let target = head.path else { return false }
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? target
        return Endpoint.queued.contains { $0.matches(path: path) }
    }

    /// The client hung up (Hummingbird allows half-closed connections, so the
    /// end of its stream comes before the connection closes): a turn it has
    /// waiting in the queue leaves it. A client that asked for
    /// `Connection: close` may half-close on purpose and still read its
    /// answer (a TCP proxy, `nc -N`): its turn keeps its place.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? ChannelEvent, event == .inputClosed, !lastRequestWantsClose {
            queue.clientLeft(ObjectIdentifier(context.channel))
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if refusing != nil {
            if case .end = part { answerRefused(context: context) }
            return
        }
        if case let .head(head) = part {
            // A request behind a paced refusal (a pipelining client): the refusal goes first.
            if let paced = pacedAnswer {
                paced.task.cancel()
                pacedAnswer = nil
                writeRefusal(paced.refusal, context: context)
            }
            lastRequestWantsClose = Self.wantsClose(head)
            if inFlight == 0, Self.isTurnRequest(head), queue.isFull {
                refusing = Refusing(closeAfter: Self.wantsClose(head))
                onShed()
                return
            }
            inFlight += 1
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case let .head(head):
            // The queue's own 503s count too: a client told to wait is paced here next time.
            if head.status == .serviceUnavailable, let seconds = head.headerFields[.retryAfter].flatMap(Int.init) {
                retryNotBefore = context.eventLoop.now + .seconds(Int64(seconds))
            }
        case .end:
            inFlight = max(0, inFlight - 1)
        case .body:
            break
        }
        context.write(data, promise: promise)
    }

    /// The whole refused request has arrived: answer now, or at the end of
    /// the `Retry-After` the client was given when it has come back early.
    private func answerRefused(context: ChannelHandlerContext) {
        guard let refusal = refusing else { return }
        refusing = nil
        let now = context.eventLoop.now
        if let notBefore = retryNotBefore, notBefore > now {
            let delay = min(notBefore - now, Self.maxPacing)
            let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
            let task = context.eventLoop.scheduleTask(in: delay) {
                let (handler, context) = loopBound.value
                handler.pacedAnswer = nil
                handler.writeRefusal(refusal, context: context)
            }
            pacedAnswer = (refusal, task)
        } else {
            writeRefusal(refusal, context: context)
        }
    }

    private func writeRefusal(_ refusal: Refusing, context: ChannelHandlerContext) {
        let retryAfter = queue.retryAfterSeconds
        retryNotBefore = context.eventLoop.now + .seconds(Int64(retryAfter))
        let error = APIError.overloaded(retryAfter: retryAfter)
        let body = ByteBuffer(bytes: error.jsonBody)
        var fields = error.headers
        fields[.contentType] = "application/json; charset=utf-8"
        fields[.contentLength] = String(body.readableBytes)
        if refusal.closeAfter { fields[.connection] = "close" }
        context.write(wrapOutboundOut(.head(HTTPResponse(status: error.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if refusal.closeAfter {
            let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.whenComplete { _ in loopBound.value.close(promise: nil) }
        }
    }

    /// `Connection: close` (as Hummingbird decides for the requests it answers).
    static func wantsClose(_ head: HTTPRequest) -> Bool {
        head.headerFields[values: .connection].contains { value in
            value.split(separator: ",").contains { $0.trimmingCharacters(in: .whitespaces).lowercased() == "close" }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        pacedAnswer?.task.cancel()
        pacedAnswer = nil
        queue.connectionClosed(ObjectIdentifier(context.channel))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        pacedAnswer?.task.cancel()
        pacedAnswer = nil
    }
}
