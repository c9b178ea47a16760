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
    /// The client's connection: a turn still waiting in the queue when its
    /// client hangs up gives up its place (``WaitingConnections``).
    let connection: ObjectIdentifier

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
        connection = ObjectIdentifier(source.channel)
        caller = nil
    }

    /// True for a peer on 127.0.0.0/8 or ::1.
    public var isLoopback: Bool {
        guard let address = remoteAddress?.ipAddress else { return false }
        return address.hasPrefix("127.") || address == "::1" || address.hasPrefix("::ffff:127.")
    }
}

extension ParleyRequestContext {
    /// The peer as the authentication throttle counts it: an IPv4 address,
    /// or an IPv6 address's /64 (one host's usual share); nil when unknown.
    var clientAddress: String? {
        switch remoteAddress {
        case let .v4(address)?:
            return address.host
        case let .v6(address)?:
            var bytes = address.address.sin6_addr
            let prefix = withUnsafeBytes(of: &bytes) { Array($0.prefix(8)) }
            if prefix.allSatisfy({ $0 == 0 }), let mapped = remoteAddress?.ipAddress { return mapped }
            return prefix.map { String($0, radix: 16) }.joined(separator: ":") + "::/64"
        default:
            return nil
        }
    }
}
