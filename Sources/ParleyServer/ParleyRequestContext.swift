import Hummingbird
import NIOCore
import ParleyEngine

/// Per-request state: where the request came from and who presented which token.
public struct ParleyRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer address; nil when unknown (in-process tests).
    public let remoteAddress: SocketAddress?
    /// Set by the authentication middleware.
    public var caller: AuthenticatedCaller?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        caller = nil
    }

    /// True for a peer on 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        guard let address = remoteAddress?.ipAddress else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}
