import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import ParleyEngine
import ParleyServer
import ParleyTestSupport
import Testing

/// The retention, hold, erasure and export endpoints over a real installation.
@Suite struct RetentionAPITests {
    struct Harness {
        let installation: TestInstallation
        let app: any ApplicationProtocol

        static func make() async throws -> Harness {
            let installation = try await TestInstallation.open()
            let app = buildApplication(
                engine: installation.engine, settings: ServerSettings(host: "127.0.0.1", port: 0, maxBodyBytes: 64 * 1024),
                logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
            )
            return Harness(installation: installation, app: app)
        }

        func token(_ role: AccessRole) async throws -> String {
            try await installation.engine.tokens.create(role: role, name: "test \(role.rawValue)", by: .system).token
        }
    }

    /// Every new endpoint: no token 401, the roles it does not allow 403, the ones it allows not 401/403.
    @Test func theRoleMatrixHoldsForEveryEndpoint() async throws {
        let harness = try await Harness.make()
        defer { harness.installation.remove() }
        var issued: [AccessRole: String] = [:]
        for role in [AccessRole.channel, .agent, .admin, .auditor] { issued[role] = try await harness.token(role) }
        let tokens = issued
        let cases: [(HTTPRequest.Method, String, String?, Set<AccessRole>)] = [
            (.get, "/v1/retention/plan", nil, [.admin]),
            (.get, "/v1/retention/runs", nil, [.admin, .auditor]),
            (.get, "/v1/erasures", nil, [.admin, .auditor]),
            (.get, "/v1/erasures/er_none", nil, [.admin, .auditor]),
            (.get, "/v1/erasures/er_none/receipt", nil, [.admin, .auditor]),
            (.post, "/v1/erasures", #"{"customer_id": "C-0000"}"#, [.admin]),
            (.get, "/v1/holds", nil, [.admin, .auditor]),
            (.post, "/v1/holds", #"{"customer_id": "C-0000", "reason": "r", "authority": "a"}"#, [.admin]),
            (.post, "/v1/holds/hold_none/release", nil, [.admin]),
            (.post, "/v1/exports", #"{"customer_id": "C-0000"}"#, [.admin]),
            (.post, "/v1/retention/runs", nil, [.admin]),
        ]
        try await harness.app.test(.router) { client in
            for (method, uri, body, allowed) in cases {
                let none = try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json"], body: body.map { ByteBuffer(string: $0) })
                #expect(none.status == .unauthorized, "\(method) \(uri) without a token")
                for (role, token) in tokens {
                    let response = try await client.execute(
                        uri: uri, method: method, headers: [.contentType: "application/json", .authorization: "Bearer \(token)"],
                        body: body.map { ByteBuffer(string: $0) }
                    )
                    if allowed.contains(role) {
                        #expect(![.unauthorized, .forbidden].contains(response.status), "\(method) \(uri) as \(role)")
                        #expect(response.status.code < 500, "\(method) \(uri) as \(role): \(response.status)")
                    } else {
                        #expect(response.status == .forbidden, "\(method) \(uri) as \(role)")
                    }
                }
            }
        }
    }

    @Test func anAdminErasesHoldsAndExportsAndAnAuditorReadsTheReceipt() async throws {
        let harness = try await Harness.make()
        defer { harness.installation.remove() }
        try await harness.installation.say("Hello, order #12345 please", in: "api-1", customer: "C-1001")
        try await harness.installation.say("What is the status of order #12346?", in: "api-2", customer: "C-1002")
        let admin = try await harness.token(.admin)
        let auditor = try await harness.token(.auditor)
        try await harness.app.test(.router) { client in
            let unknown = try await client.post("/v1/erasures", json: #"{"customer_id": "C-0000"}"#, token: admin)
            #expect(unknown.status == .notFound)
            #expect(unknown.errorCode == "not_found")

            let hold = try await client.post("/v1/holds", json: #"{"customer_id": "C-1002", "reason": "complaint 12", "authority": "ombudsman"}"#, token: admin)
            #expect(hold.status == .created)
            let holdID = try #require(try hold.jsonObject()["id"] as? String)
            let onNothing = try await client.post("/v1/holds", json: #"{"conversation_id": "no-such", "reason": "r", "authority": "a"}"#, token: admin)
            #expect(onNothing.status == .notFound)
            let twoScopes = try await client.post("/v1/holds", json: #"{"customer_id": "C-1002", "conversation_id": "api-2", "reason": "r", "authority": "a"}"#, token: admin)
            #expect(twoScopes.status == .badRequest)
            // Days that do not exist are refused, not rolled over (Foundation read 2026-02-30 as 2026-03-02).
            for bad in ["2026-02-30", "2026-02-30T00:00:00Z", "2026-04-31", "2026-1-1", "2026-12-31T23:59:60Z"] {
                let impossible = try await client.post(
                    "/v1/holds", json: #"{"customer_id": "C-1002", "reason": "r", "authority": "a", "review_by": "\#(bad)"}"#, token: admin
                )
                #expect(impossible.status == .badRequest, "\(bad)")
            }
            // A leap day and an offset are read: the request gets past the dates (to find no conversation in 2028).
            let leapDay = try await client.post(
                "/v1/holds", json: #"{"reason": "r", "authority": "a", "from": "2028-02-29", "to": "2028-03-01T12:30:00+01:00"}"#, token: admin
            )
            #expect(String(buffer: leapDay.body).contains("no conversation was active in that period"))

            let export = try await client.post("/v1/exports", json: #"{"customer_id": "C-1001"}"#, token: admin)
            #expect(export.status == .ok)
            #expect(export.headers[.cacheControl] == "no-store")
            #expect((try export.jsonObject()["conversations"] as? [Any])?.count == 1)

            let erased = try await client.post("/v1/erasures", json: #"{"customer_id": "C-1001", "request_id": "DSR-API-1"}"#, token: admin)
            #expect(erased.status == .created)
            let erasure = try erased.jsonObject()
            let id = try #require(erasure["id"] as? String)
            #expect((erasure["details"] as? [String: String])?["erased.conversations"] == "1")
            let again = try await client.post("/v1/erasures", json: #"{"customer_id": "C-1001", "request_id": "DSR-API-1"}"#, token: admin)
            #expect(again.status == .ok)
            #expect(try again.jsonObject()["id"] as? String == id)

            let status = try await client.get("/v1/erasures/\(id)", token: auditor)
            #expect(try status.jsonObject()["status"] as? String == "complete")
            let receipt = try await client.get("/v1/erasures/\(id)/receipt", token: auditor)
            #expect(receipt.status == .ok)
            #expect(String(buffer: receipt.body).contains("erasure.complete"))
            let list = try await client.get("/v1/erasures", token: auditor)
            #expect((try list.jsonObject()["erasures"] as? [Any])?.count == 1)

            let gone = try await client.post("/v1/exports", json: #"{"customer_id": "C-1001"}"#, token: admin)
            #expect(gone.status == .gone)

            let holds = try await client.get("/v1/holds?active=true", token: auditor)
            #expect((try holds.jsonObject()["holds"] as? [[String: Any]])?.first?["id"] as? String == holdID)
            // Not read as false: a filter the server does not understand is refused.
            #expect(try await client.get("/v1/holds?active=AAA", token: auditor).status == .badRequest)
            let released = try await client.post("/v1/holds/\(holdID)/release", json: "", token: admin)
            #expect(released.status == .ok)
            let twice = try await client.post("/v1/holds/\(holdID)/release", json: "", token: admin)
            #expect(twice.status == .conflict)

            let plan = try await client.get("/v1/retention/plan", token: admin)
            #expect(plan.status == .ok)
            #expect((try plan.jsonObject()["categories"] as? [Any])?.isEmpty == false)
            let run = try await client.post("/v1/retention/runs", json: "", token: admin)
            #expect(run.status == .ok)
            let runs = try await client.get("/v1/retention/runs", token: auditor)
            #expect((try runs.jsonObject()["runs"] as? [Any])?.count == 1)
        }
    }
}
