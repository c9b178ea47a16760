import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ParleyEngine
import ParleyServer
import ParleyTestSupport
import Synchronization

/// A clock the tests move (session expiry).
final class MovableClock: Sendable {
    private let time: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) { time = Mutex(start) }

    var now: Date { time.withLock { $0 } }

    func advance(_ seconds: TimeInterval) { time.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// An app around a fresh engine whose console sessions count by a movable clock.
struct ConsoleTestApp {
    let engine: ParleyEngine
    let app: any ApplicationProtocol
    let clock: MovableClock

    static let idle: TimeInterval = 30 * 60
    static let absolute: TimeInterval = 8 * 3600

    static func make() async throws -> ConsoleTestApp {
        let engine = try await StarterBot.engine()
        let clock = MovableClock()
        var settings = ServerSettings(host: "127.0.0.1", port: 0)
        settings.console = ConsoleSettings(idleTimeout: idle, absoluteTimeout: absolute, clock: { clock.now })
        let app = buildApplication(engine: engine, settings: settings, logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        return ConsoleTestApp(engine: engine, app: app, clock: clock)
    }

    func token(_ role: AccessRole, name: String? = nil) async throws -> String {
        try await engine.tokens.create(role: role, name: name ?? "test \(role.rawValue)", by: .system).token
    }
}

/// A signed-in browser, as far as the server can tell: its cookie and CSRF token.
struct ConsoleBrowser {
    let cookie: String
    let csrf: String
    let setCookie: String
    /// Reads as the page makes them after a live event (`X-Console-Activity: background`).
    var background = false

    var headers: HTTPFields {
        var fields: HTTPFields = [.cookie: cookie, .contentType: "application/json", ConsoleBrowser.csrfHeader: csrf]
        if background { fields[HTTPField.Name("X-Console-Activity")!] = "background" }
        return fields
    }

    static let csrfHeader = HTTPField.Name("X-CSRF-Token")!
}

extension TestClientProtocol {
    func signIn(_ token: String, headers extra: HTTPFields = [:]) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/json"]
        headers.append(contentsOf: extra)
        let body = try JSONSerialization.data(withJSONObject: ["token": token])
        return try await execute(uri: "/console/api/session", method: .post, headers: headers, body: ByteBuffer(bytes: body))
    }

    func signedIn(_ token: String) async throws -> ConsoleBrowser {
        let response = try await signIn(token)
        guard response.status == .created, let setCookie = response.headers[.setCookie] else {
            throw TestFailure("sign-in failed with \(response.status)")
        }
        let cookie = String(setCookie.split(separator: ";")[0])
        guard let csrf = try response.jsonObject()["csrf_token"] as? String else { throw TestFailure("no CSRF token") }
        return ConsoleBrowser(cookie: cookie, csrf: csrf, setCookie: setCookie)
    }

    func console(_ method: HTTPRequest.Method, _ uri: String, as browser: ConsoleBrowser, json: String? = nil, csrf: Bool = true) async throws -> TestResponse {
        var headers = browser.headers
        if !csrf { headers[ConsoleBrowser.csrfHeader] = nil }
        return try await execute(uri: uri, method: method, headers: headers, body: json.map { ByteBuffer(string: $0) })
    }
}
