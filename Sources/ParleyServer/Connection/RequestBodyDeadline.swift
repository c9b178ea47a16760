import NIOCore
import NIOHTTPTypes

/// A request's body must arrive whole within `timeout` of its head. When it
/// does not (a client trickling bytes to hold a connection), the request's
/// body stream fails with ``RequestBodyTimeout`` (a route reading it answers
/// 408) and the connection is closed as soon as that answer is written, or
/// after a grace period when nothing answers. Headers are bounded by the
/// idle timeout, which closes a connection that has not delivered a complete
/// request head in time.
///
/// One instance per connection, used on its event loop only.
final class RequestBodyDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The longest the route gets to write the 408 before the connection is closed anyway.
    static let grace = TimeAmount.seconds(30)

    let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    private var closing: Scheduled<Void>?
    /// Set once the deadline has passed: the response then ends the connection.
    private var expired = false

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            deadline?.cancel()
            let loopBound = NIOLoopBound((handler: self, context: context), eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: timeout) {
                loopBound.value.handler.expire(context: loopBound.value.context)
            }
        case .end:
            deadline?.cancel()
            deadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard expired, case .end = unwrapOutboundIn(data) else {
            context.write(data, promise: promise)
            return
        }
        // The answer to a request whose body timed out (408): sent, then the connection closes.
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(data).whenComplete { result in
            promise?.completeWith(result)
            loopBound.value.close(promise: nil)
        }
    }

    private func expire(context: ChannelHandlerContext) {
        deadline = nil
        expired = true
        context.fireErrorCaught(RequestBodyTimeout())
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        closing = context.eventLoop.scheduleTask(in: Self.grace) {
            loopBound.value.close(promise: nil)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimers()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimers()
    }

    private func cancelTimers() {
        deadline?.cancel()
        deadline = nil
        closing?.cancel()
        closing = nil
    }
}

/// The body of a request did not arrive within the body timeout.
struct RequestBodyTimeout: Error {}
