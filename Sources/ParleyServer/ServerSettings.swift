import Foundation

/// What the HTTP server needs from the configuration (`server:` in
/// parley.yml); every limit here is documented in parley.yml(5), "LIMITS".
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    /// Larger bodies are refused with 413.
    public var maxBodyBytes: Int
    /// A connection that has not delivered a complete request head for this
    /// long (an idle keep-alive connection, or headers trickling in) is closed.
    public var idleTimeout: Duration
    /// A request's body must arrive whole within this time of its head: 408, then the connection is closed.
    public var bodyTimeout: Duration
    /// Connections open at once; further ones wait in the kernel's accept queue until one closes.
    public var maxConnections: Int
    /// The bounded queue in front of the turn pipeline (messages, webhook, parse).
    public var turnQueue: AdmissionQueue.Settings
    /// Whether customer endpoints serve direct loopback requests without a channel token.
    public var tokenlessLoopback: TokenlessLoopback
    /// The agent console under `/console`.
    public var console = ConsoleSettings()

    /// The request head (request line and headers) may not exceed this: 431.
    public static let maxHeaderBytes = 32 * 1024

    public init(
        host: String = "127.0.0.1", port: Int = 8000, maxBodyBytes: Int = 64 * 1024,
        idleTimeout: Duration = .seconds(30), bodyTimeout: Duration = .seconds(10), maxConnections: Int = 4096,
        turnQueue: AdmissionQueue.Settings = .init(), tokenlessLoopback: TokenlessLoopback = .auto
    ) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
        self.idleTimeout = idleTimeout
        self.bodyTimeout = bodyTimeout
        self.maxConnections = maxConnections
        self.turnQueue = turnQueue
        self.tokenlessLoopback = tokenlessLoopback
    }
}

/// `server.tokenless_loopback`: when a direct loopback peer may call the
/// customer endpoints without a channel token.
public enum TokenlessLoopback: String, Sendable, Hashable, CaseIterable {
    /// Until the first channel token is created; never again afterwards, even
    /// when every channel token has been revoked.
    case auto
    /// Always (a development machine); logged as a warning at start.
    case always
    /// Never: every customer request needs a channel token.
    case never
}
