import Foundation
import ParleyAudit
import ParleyCrypto
import ParleyEngine
import ParleyStore

/// Console sessions: an API token (agent, admin or auditor) exchanged for a
/// session cookie. The cookie is `pcs_<16 hex id>_<64 hex secret>`; the store
/// keeps the secret's SHA-256 only, compared in constant time. A session
/// ends when its user signs out, after `idleTimeout` without a request, at
/// `absoluteTimeout` after sign-in, or when its token is revoked; each end is
/// audited once, with the session's id (never its secret).
///
/// CSRF: a synchronizer token bound to the session, derived from its secret
/// (SHA-256 of a label and the secret), so it needs no storage of its own,
/// cannot be known without the HttpOnly cookie, and dies with the session.
/// The page holds it in memory only and sends it as `X-CSRF-Token` on every
/// state-changing request. Chosen over the double-submit cookie because a
/// double-submit token can be planted with a cookie by a sibling site or over
/// plain HTTP (cookie tossing), while this one is checked against the server's
/// own session.
struct ConsoleSessions: Sendable {
    let engine: ParleyEngine
    let settings: ConsoleSettings
    let clock: @Sendable () -> Date

    /// A live session as a request sees it.
    struct Active: Sendable {
        let id: String
        let caller: AuthenticatedCaller
        let csrfToken: String
        let expiresAt: Date
    }

    struct SignedIn: Sendable {
        let cookieValue: String
        let session: Active
    }

    /// Activity is written at most this often (the idle limit is that much coarser).
    static let touchResolution: TimeInterval = 30
    /// Ended sessions are kept this long for the record.
    static let keepEnded: TimeInterval = 30 * 86_400

    static let invalidSession = APIError(.unauthorized, code: "session_required", message: "sign in to the console")
    static let expiredSession = APIError(.unauthorized, code: "session_expired", message: "the session ended; sign in again")

    func signIn(caller: AuthenticatedCaller) async throws -> SignedIn {
        let id = Hex.encode(try RandomBytes.generate(count: 8))
        let secret = Hex.encode(try RandomBytes.generate(count: 32))
        let now = clock()
        let expires = now.addingTimeInterval(settings.absoluteTimeout)
        let event = Principal.token(caller).event("console.sign_in", target: Self.target(id), details: [
            "role": caller.role.rawValue, "idle_timeout_s": String(Int(settings.idleTimeout)), "absolute_timeout_s": String(Int(settings.absoluteTimeout)),
        ])
        try await engine.store.insertConsoleSession(
            ConsoleSessionRecord(id: id, secretHash: Self.hash(secret), tokenID: caller.tokenID, createdAt: now, expiresAt: expires),
            pruneBefore: now.addingTimeInterval(-Self.keepEnded), audit: engine.audit.appends([event])
        )
        return SignedIn(cookieValue: "pcs_\(id)_\(secret)", session: Active(id: id, caller: caller, csrfToken: Self.csrf(secret), expiresAt: expires))
    }

    /// The live session a cookie names; a session found ended or past a limit is a 401
    /// (and a limit passed unnoticed is recorded now). A request that is not
    /// the user's doing (the page refreshing after a live event) passes
    /// `activity: false`: it is checked against the limits but does not renew
    /// the idle one, so that a console left open on a busy queue still signs out.
    func authenticate(_ cookieValue: String, activity: Bool = true) async throws -> Active {
        guard let (id, secret) = Self.parse(cookieValue) else { throw Self.invalidSession }
        guard let found = try await engine.store.consoleSession(id: id, secretHash: Self.hash(secret)) else { throw Self.invalidSession }
        let session = found.session
        guard session.endedAt == nil else { throw Self.expiredSession }
        let now = clock()
        let reason: String? = if found.token.revokedAt != nil {
            "token_revoked"
        } else if now >= session.expiresAt {
            "absolute_timeout"
        } else if now.timeIntervalSince(session.lastSeenAt) >= settings.idleTimeout {
            "idle_timeout"
        } else {
            nil
        }
        guard let caller = engine.tokens.identity(of: found.token) else { throw Self.invalidSession }
        if let reason {
            try await end(id: id, caller: caller, reason: reason, at: now)
            throw Self.expiredSession
        }
        if activity, now.timeIntervalSince(session.lastSeenAt) >= Self.touchResolution {
            try await engine.store.touchConsoleSession(id: id, at: now)
        }
        return Active(id: id, caller: caller, csrfToken: Self.csrf(secret), expiresAt: session.expiresAt)
    }

    /// Whether the session is still live, without counting as activity (an open event stream asks).
    func isLive(_ id: String, cookieValue: String) async -> Bool {
        guard let (_, secret) = Self.parse(cookieValue),
              let found = try? await engine.store.consoleSession(id: id, secretHash: Self.hash(secret))
        else { return false }
        let now = clock()
        return found.session.endedAt == nil && found.token.revokedAt == nil && now < found.session.expiresAt
            && now.timeIntervalSince(found.session.lastSeenAt) < settings.idleTimeout
    }

    func signOut(_ session: Active) async throws {
        try await end(id: session.id, caller: session.caller, reason: "signed_out", at: clock())
    }

    private func end(id: String, caller: AuthenticatedCaller, reason: String, at time: Date) async throws {
        let event = Principal.token(caller).event(reason == "signed_out" ? "console.sign_out" : "console.session_end", target: Self.target(id), details: ["reason": reason])
        try await engine.store.endConsoleSession(id: id, reason: reason, at: time, audit: engine.audit.appends([event]))
    }

    /// Whether `presented` is this session's CSRF token (constant time).
    static func csrfMatches(_ presented: String?, _ session: Active) -> Bool {
        guard let presented else { return false }
        return constantTimeEqual(Array(presented.utf8), Array(session.csrfToken.utf8))
    }

    static func parse(_ value: String) -> (id: String, secret: String)? {
        let parts = value.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "pcs", parts[1].count == 16, parts[2].count == 64,
              Hex.decode(parts[1]) != nil, Hex.decode(parts[2]) != nil
        else { return nil }
        return (String(parts[1]), String(parts[2]))
    }

    static func hash(_ secret: String) -> [UInt8] {
        SHA256.hash(Array(secret.utf8))
    }

    static func csrf(_ secret: String) -> String {
        Hex.encode(SHA256.hash(Array("parley.console.csrf.v1|\(secret)".utf8)))
    }

    static func target(_ id: String) -> AuditTarget? {
        try? AuditTarget(kind: "console_session", id: id)
    }
}
