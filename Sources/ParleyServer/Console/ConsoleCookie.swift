import HTTPTypes
import Hummingbird

/// The session cookie: `parley_session=pcs_<id>_<secret>`, HttpOnly,
/// SameSite=Strict, scoped to `/console`, Secure over HTTPS. It has no
/// Max-Age: the browser forgets it when it closes (on a shared workstation,
/// closing the browser signs the agent out there), and the server ends the
/// session at its idle and absolute limits whatever the browser keeps.
enum ConsoleCookie {
    static let name = "parley_session"

    /// The session cookie's value, when the request carries exactly one.
    static func value(in request: Request) -> String? {
        var found: [String] = []
        for header in request.headers[values: .cookie] {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == name else { continue }
                found.append(parts[1].trimmingCharacters(in: .whitespaces))
            }
        }
        // Two cookies of this name (one planted for a wider path): trust neither.
        return found.count == 1 ? found[0] : nil
    }

    /// The cookie that starts a session (`value` is ours: `pcs_` and hex, valid as RFC 6265 asks).
    static func setting(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, path: "/console", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// The cookie that makes the browser forget the session's.
    static func clearing(secure: Bool) -> Cookie {
        Cookie(name: name, value: "", maxAge: 0, path: "/console", secure: secure, httpOnly: true, sameSite: .strict)
    }

    /// Whether the browser reached us over HTTPS: a TLS-terminating proxy says so.
    /// (Believing it can only make the cookie stricter.)
    static func isSecure(_ request: Request, settings: ConsoleSettings) -> Bool {
        if settings.secureCookie == .always { return true }
        if let proto = request.headers[HTTPField.Name("X-Forwarded-Proto")!], proto.lowercased() == "https" { return true }
        if let forwarded = request.headers[HTTPField.Name("Forwarded")!], forwarded.lowercased().contains("proto=https") { return true }
        return false
    }
}
