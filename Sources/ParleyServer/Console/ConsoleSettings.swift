/// The agent console's settings (`console:` in parley.yml).
import Foundation

public struct ConsoleSettings: Sendable {
    /// When the session cookie carries `Secure`.
    public enum SecureCookie: String, Sendable, Hashable {
        /// When the request came over HTTPS through a TLS-terminating proxy (`X-Forwarded-Proto: https`).
        case auto
        /// Always (a proxy that terminates TLS without saying so).
        case always
    }

    /// A session unused this long ends (seconds).
    public var idleTimeout: Double
    /// A session ends this long after sign-in, however active (seconds).
    public var absoluteTimeout: Double
    public var secureCookie: SecureCookie
    /// The largest audit bundle an auditor may upload for verification.
    public var maxBundleBytes: Int
    /// What time sessions count by (tests move it).
    public var clock: @Sendable () -> Date

    public init(
        idleTimeout: Double = 30 * 60, absoluteTimeout: Double = 12 * 3600, secureCookie: SecureCookie = .auto,
        maxBundleBytes: Int = 64 * 1024 * 1024, clock: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.secureCookie = secureCookie
        self.maxBundleBytes = maxBundleBytes
        self.clock = clock
    }
}
