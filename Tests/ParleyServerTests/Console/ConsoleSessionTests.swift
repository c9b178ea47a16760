import Foundation
import HTTPTypes
import HummingbirdTesting
import ParleyAudit
import ParleyCrypto
import ParleyEngine
import Testing

@Suite struct ConsoleSessionTests {
    private func auditEntries(_ test: ConsoleTestApp) async throws -> [AuditEntry] {
        let size = try await test.engine.store.auditFrontier().size
        return try await test.engine.audit.entries(1...size)
    }

    @Test func anAgentTokenSignsInToAnHttpOnlyStrictCookieAndTheSessionIsStoredHashedAndAudited() async throws {
        let test = try await ConsoleTestApp.make()
        let agent = try await test.token(.agent, name: "Dana Example")
        let cookie = try await test.app.test(.router) { client in
            let browser = try await client.signedIn(agent)
            let attributes = browser.setCookie.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            #expect(attributes.contains("HttpOnly"))
            #expect(attributes.contains("SameSite=Strict"))
            #expect(attributes.contains("Path=/console"))
            // A browser-session cookie: closing the browser forgets it.
            #expect(!attributes.contains { $0.hasPrefix("Max-Age") || $0.hasPrefix("Expires") })
            #expect(!attributes.contains("Secure"), "plain HTTP on loopback: a Secure cookie would never be sent back")
            #expect(!browser.cookie.contains(agent), "the API token must not travel in the cookie")

            let session = try await client.execute(uri: "/console/api/session", method: .get, headers: [.cookie: browser.cookie])
            #expect(session.status == .ok)
            let body = try session.jsonObject()
            #expect(body["role"] as? String == "agent")
            #expect(body["name"] as? String == "Dana Example")
            #expect(body["csrf_token"] as? String == browser.csrf)
            #expect(session.headers[.cacheControl] == "no-store")
            return browser.cookie
        }
        let live = try await test.engine.store.liveConsoleSessions()
        #expect(live.count == 1)
        // pcs_<id>_<secret>: the store finds the session by the secret's SHA-256, not by the secret.
        let parts = cookie.dropFirst("parley_session=".count).split(separator: "_").map(String.init)
        #expect(parts.count == 3 && parts[1] == live.first?.id)
        #expect(try await test.engine.store.consoleSession(id: parts[1], secretHash: SHA256.hash(Array(parts[2].utf8))) != nil)
        #expect(try await test.engine.store.consoleSession(id: parts[1], secretHash: Array(parts[2].utf8)) == nil)
        let entries = try await auditEntries(test)
        let signIn = try #require(entries.first { $0.action == "console.sign_in" })
        #expect(signIn.role == .agent)
        #expect(signIn.target?.id == live.first?.id)
        for entry in entries { #expect(!entry.canonicalJSON.contains(agent)) }
    }

    @Test func theCookieIsSecureBehindATLSProxy() async throws {
        let test = try await ConsoleTestApp.make()
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            let response = try await client.signIn(agent, headers: [HTTPField.Name("X-Forwarded-Proto")!: "https"])
            #expect(response.status == .created)
            #expect(response.headers[.setCookie]?.contains("; Secure") == true)
        }
    }

    @Test func aChannelTokenCannotSignInAndAWrongTokenIsAFailedSignInThatIsAudited() async throws {
        let test = try await ConsoleTestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            let refused = try await client.signIn(channel)
            #expect(refused.status == .forbidden)
            #expect(refused.headers[.setCookie] == nil)
            let wrong = try await client.signIn("pat_0000000000000000000000000000000000000000")
            #expect(wrong.status == .unauthorized)
            #expect(wrong.errorCode == "invalid_token")
            #expect(wrong.headers[.setCookie] == nil)
            let notJSON = try await client.execute(
                uri: "/console/api/session", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"], body: .init(string: "token=x")
            )
            #expect(notJSON.status == .unsupportedMediaType)
        }
        let entries = try await auditEntries(test)
        #expect(entries.contains { $0.action == "auth.failed" && $0.details["route"] == "/console/api/session" })
        #expect(entries.contains { $0.action == "auth.denied" && $0.role == .channel })
        #expect(!entries.contains { $0.action == "console.sign_in" })
        #expect(try await test.engine.store.liveConsoleSessions().isEmpty)
    }

    @Test func signOutEndsTheSessionOnTheServerSoTheOldCookieIsRefused() async throws {
        let test = try await ConsoleTestApp.make()
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            let browser = try await client.signedIn(agent)
            let out = try await client.console(.delete, "/console/api/session", as: browser)
            #expect(out.status == .noContent)
            #expect(out.headers[.setCookie]?.contains("Max-Age=0") == true)
            // A copy of the cookie kept by someone else is worth nothing now.
            let replayed = try await client.console(.get, "/console/api/queues", as: browser)
            #expect(replayed.status == .unauthorized)
            #expect(replayed.errorCode == "session_expired")
        }
        #expect(try await test.engine.store.liveConsoleSessions().isEmpty)
        #expect(try await auditEntries(test).contains { $0.action == "console.sign_out" })
    }

    @Test func anIdleSessionEndsAfterTheIdleTimeoutButActivityKeepsItAlive() async throws {
        let test = try await ConsoleTestApp.make()
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            let browser = try await client.signedIn(agent)
            // Active every 20 minutes for an hour: more than the 30-minute idle limit in total.
            for _ in 0..<3 {
                test.clock.advance(20 * 60)
                #expect(try await client.console(.get, "/console/api/queues", as: browser).status == .ok)
            }
            test.clock.advance(ConsoleTestApp.idle + 1)
            let idle = try await client.console(.get, "/console/api/queues", as: browser)
            #expect(idle.status == .unauthorized)
            #expect(idle.errorCode == "session_expired")
        }
        let ended = try await auditEntries(test).first { $0.action == "console.session_end" }
        #expect(ended?.details["reason"] == "idle_timeout")
    }

    /// The page's own reads after live events (a busy queue) do not keep an
    /// unattended console signed in: only the agent's requests renew the idle limit.
    @Test func backgroundRefreshesDoNotRenewTheIdleLimit() async throws {
        let test = try await ConsoleTestApp.make()
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            var browser = try await client.signedIn(agent)
            var background = browser
            background.background = true
            for _ in 0..<2 {
                test.clock.advance(ConsoleTestApp.idle / 2 - 60)
                #expect(try await client.console(.get, "/console/api/queues", as: background).status == .ok)
            }
            test.clock.advance(120)
            let idle = try await client.console(.get, "/console/api/queues", as: background)
            #expect(idle.status == .unauthorized)
            #expect(idle.errorCode == "session_expired")

            // The same reads without the header are the agent's: they keep a new session alive.
            browser = try await client.signedIn(agent)
            for _ in 0..<3 {
                test.clock.advance(ConsoleTestApp.idle / 2 - 60)
                #expect(try await client.console(.get, "/console/api/queues", as: browser).status == .ok)
            }
        }
    }

    @Test func aSessionEndsAtItsAbsoluteLimitHoweverActive() async throws {
        let test = try await ConsoleTestApp.make()
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            let browser = try await client.signedIn(agent)
            var elapsed: TimeInterval = 0
            while elapsed + 25 * 60 < ConsoleTestApp.absolute {
                test.clock.advance(25 * 60)
                elapsed += 25 * 60
                #expect(try await client.console(.get, "/console/api/queues", as: browser).status == .ok)
            }
            test.clock.advance(ConsoleTestApp.absolute - elapsed)
            #expect(try await client.console(.get, "/console/api/queues", as: browser).status == .unauthorized)
        }
        #expect(try await auditEntries(test).first { $0.action == "console.session_end" }?.details["reason"] == "absolute_timeout")
    }

    @Test func revokingTheTokenEndsItsSessions() async throws {
        let test = try await ConsoleTestApp.make()
        let created = try await test.engine.tokens.create(role: .agent, name: "to revoke", by: .system)
        try await test.app.test(.router) { client in
            let browser = try await client.signedIn(created.token)
            try await test.engine.tokens.revoke(id: created.id, by: .system)
            #expect(try await client.console(.get, "/console/api/queues", as: browser).status == .unauthorized)
        }
        #expect(try await auditEntries(test).first { $0.action == "console.session_end" }?.details["reason"] == "token_revoked")
    }

    @Test func forgedOrMalformedCookiesAreRefused() async throws {
        let test = try await ConsoleTestApp.make()
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            let browser = try await client.signedIn(agent)
            let value = browser.cookie.dropFirst("parley_session=".count)
            let parts = value.split(separator: "_")
            let flipped = String(parts[2].prefix(63)) + (parts[2].last == "0" ? "1" : "0")
            let forgeries = [
                "parley_session=pcs_\(parts[1])_\(flipped)",  // right id, wrong secret
                "parley_session=pcs_0123456789abcdef_\(parts[2])",  // another id
                "parley_session=\(agent)",  // an API token is no session
                "parley_session=",
                "\(browser.cookie); \(browser.cookie)",  // two: trust neither
            ]
            for forged in forgeries {
                let response = try await client.execute(uri: "/console/api/queues", method: .get, headers: [.cookie: forged])
                #expect(response.status == .unauthorized, "\(forged.prefix(30))…")
            }
            let bearer = try await client.execute(uri: "/console/api/queues", method: .get, headers: [.authorization: "Bearer \(agent)"])
            #expect(bearer.status == .unauthorized, "the console's API takes sessions, not API tokens")
        }
    }

    @Test func aStateChangingRequestWithoutTheCSRFTokenOrFromAnotherSiteIsRefused() async throws {
        let test = try await ConsoleTestApp.make()
        let agent = try await test.token(.agent)
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint", in: "cs-1", token: channel)
            let browser = try await client.signedIn(agent)
            let missing = try await client.console(.post, "/console/api/conversations/cs-1/claim", as: browser, json: "{}", csrf: false)
            #expect(missing.status == .forbidden)
            #expect(missing.errorCode == "csrf_failed")
            var wrong = browser.headers
            wrong[ConsoleBrowser.csrfHeader] = String(repeating: "0", count: 64)
            #expect(try await client.execute(uri: "/console/api/conversations/cs-1/claim", method: .post, headers: wrong, body: .init(string: "{}")).status == .forbidden)
            var crossSite = browser.headers
            crossSite[HTTPField.Name("Sec-Fetch-Site")!] = "cross-site"
            let cross = try await client.execute(uri: "/console/api/conversations/cs-1/claim", method: .post, headers: crossSite, body: .init(string: "{}"))
            #expect(cross.errorCode == "cross_site")
            var otherOrigin = browser.headers
            otherOrigin[.origin] = "https://attacker.example.com"
            #expect(try await client.execute(uri: "/console/api/conversations/cs-1/claim", method: .post, headers: otherOrigin, body: .init(string: "{}")).status == .forbidden)
            // Nothing was claimed by the refused requests; the real one works.
            #expect(try await test.engine.store.openHandoff(conversationID: "cs-1")?.claimedBy == nil)
            #expect(try await client.console(.post, "/console/api/conversations/cs-1/claim", as: browser, json: "{}").status == .ok)
        }
        #expect(try await auditEntries(test).contains { $0.action == "auth.denied" && $0.details["reason"] == "csrf_failed" })
    }

    @Test func eachViewIsOpenOnlyToItsRole() async throws {
        let test = try await ConsoleTestApp.make()
        try await test.app.test(.router) { client in
            let agent = try await client.signedIn(try await test.token(.agent))
            let admin = try await client.signedIn(try await test.token(.admin))
            let auditor = try await client.signedIn(try await test.token(.auditor))
            #expect(try await client.console(.get, "/console/api/queues", as: agent).status == .ok)
            #expect(try await client.console(.get, "/console/api/queues", as: auditor).status == .forbidden)
            #expect(try await client.console(.get, "/console/api/tokens", as: admin).status == .ok)
            #expect(try await client.console(.get, "/console/api/tokens", as: agent).status == .forbidden)
            // (This engine has no retention services: the route answers, but not with holds.)
            let holds = try await client.console(.get, "/console/api/holds", as: auditor).status
            #expect(holds != .forbidden && holds != .unauthorized)
            #expect(try await client.console(.get, "/console/api/holds", as: admin).status == .forbidden)
        }
    }

    @Test func thePageAndItsAssetsCarryAStrictContentSecurityPolicyAndNoInlineCode() async throws {
        let test = try await ConsoleTestApp.make()
        try await test.app.test(.router) { client in
            let page = try await client.execute(uri: "/console", method: .get)
            #expect(page.status == .ok)
            let csp = try #require(page.headers[.contentSecurityPolicy])
            #expect(csp.contains("default-src 'self'"))
            #expect(csp.contains("script-src 'self'"))
            #expect(csp.contains("style-src 'self'"))
            #expect(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"))
            #expect(csp.contains("frame-ancestors 'none'"))
            let html = String(buffer: page.body)
            #expect(html.contains("<script type=\"module\" src="))
            #expect(!html.contains("<script>") && !html.contains("<style") && !html.contains(" style=") && !html.contains(" onclick="))
            #expect(!html.contains("http://") && !html.contains("https://"), "nothing is fetched from elsewhere")
            let script = try await client.execute(uri: "/console/assets/app.js", method: .get)
            #expect(script.status == .ok)
            #expect(script.headers[.contentType]?.hasPrefix("text/javascript") == true)
            #expect(script.headers[.contentSecurityPolicy] != nil)
            #expect(try await client.execute(uri: "/console/assets/missing.js", method: .get).status == .notFound)
            #expect(try await client.execute(uri: "/console/assets/..%2Fapp.js", method: .get).status == .notFound)
        }
    }
}
