/// What the HTTP server needs from the configuration.
public struct ServerSettings: Sendable {
    public var host: String
    public var port: Int
    public var maxBodyBytes: Int
    /// The agent console under `/console`.
    public var console = ConsoleSettings()

    public init(host: String = "127.0.0.1", port: Int = 8000, maxBodyBytes: Int = 64 * 1024) {
        self.host = host
        self.port = port
        self.maxBodyBytes = maxBodyBytes
    }
}
