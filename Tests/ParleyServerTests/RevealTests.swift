import Foundation
import HummingbirdTesting
import ParleyAudit
import ParleyEngine
import ParleyRedaction
import Testing

/// `POST /v1/conversations/{id}/turns/{seq}/reveal`: administrators only,
/// audited without the value, nothing left after the customer's erasure.
@Suite struct RevealTests {
    @Test func anAdministratorRevealsAVaultedValueAndTheRevealIsAudited() async throws {
        let policy = RedactionPolicy(entities: [.email: EntityPolicy(operatorChoice: .vault)])
        let test = try await TestApp.make(redactor: try Redactor(policy: policy))
        let channel = try await test.token(.channel)
        let admin = try await test.token(.admin)
        let agent = try await test.token(.agent)
        let email = "revealmarker@example.org"
        try await test.app.test(.router) { client in
            _ = try await client.say("my email is \(email), what is the status of order #12345?", in: "r-1", token: channel)
            let transcript = try await client.get("/v1/conversations/r-1", token: admin)
            #expect(!String(buffer: transcript.body).contains(email))

            let byAgent = try await client.post("/v1/conversations/r-1/turns/1/reveal", json: "", token: agent)
            #expect(byAgent.status == .forbidden)
            let revealed = try await client.post("/v1/conversations/r-1/turns/1/reveal", json: "", token: admin)
            #expect(revealed.status == .ok)
            #expect(revealed.headers[.cacheControl] == "no-store")
            let object = try revealed.jsonObject()
            let values = try #require(object["values"] as? [[String: Any]])
            #expect(values.count == 1)
            #expect(values.first?["type"] as? String == "EMAIL")
            #expect(values.first?["value"] as? String == email)
            let nothing = try await client.post("/v1/conversations/r-1/turns/2/reveal", json: "", token: admin)
            #expect(nothing.status == .notFound)
        }
        let size = try await test.engine.store.auditFrontier().size
        let entries = try await test.engine.audit.entries(1...size)
        let reveals = entries.filter { $0.action == "pii.reveal" }
        #expect(reveals.map(\.outcome) == [.success, .failure])
        #expect(reveals.first?.details["types"] == "EMAIL")
        for entry in entries { #expect(!entry.canonicalJSON.contains(email)) }

        let subject = try #require(try await test.engine.store.subjectID(ofCustomer: "C-1001"))
        try await test.engine.store.shred(subjectID: subject)
        try await test.app.test(.router) { client in
            let erased = try await client.post("/v1/conversations/r-1/turns/1/reveal", json: "", token: admin)
            #expect(erased.status == .notFound)
        }
    }
}
