import Foundation
import HummingbirdTesting
import ParleyAudit
import ParleyEngine
import Testing

@Suite struct AuditEventsTests {
    @Test func handoffFlowAndReadsAreAuditedWithoutCustomerText() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let agent = try await test.token(.agent)
        try await test.app.test(.router) { client in
            _ = try await client.say("I want to make a complaint about the quokkaplatypus", in: "a-1", token: channel)
            _ = try await client.post("/v1/conversations/a-1/claim", json: "", token: agent)
            _ = try await client.post("/v1/conversations/a-1/agent-replies", json: #"{"text": "sorry about the quokkaplatypus"}"#, token: agent)
            _ = try await client.post("/v1/conversations/a-1/resolve", json: #"{"intent": "complaint", "note": "quokkaplatypus"}"#, token: agent)
            _ = try await client.get("/v1/conversations/a-1", token: agent)
            _ = try await client.get("/v1/queues")
            _ = try await client.get("/v1/queues", token: channel)
        }
        let size = try await test.engine.store.auditFrontier().size
        let entries = try await test.engine.audit.entries(1...size)
        let actions = entries.map(\.action)
        for action in ["token.create", "turn.handled", "handoff.create", "handoff.claim", "conversation.reply", "handoff.resolve", "conversation.read", "auth.failed", "auth.denied"] {
            #expect(actions.contains(action), "no \(action) entry")
        }
        let handled = try #require(entries.first { $0.action == "turn.handled" })
        #expect(handled.target?.id == "a-1")
        #expect(handled.details["intent"] == "complaint")
        #expect(handled.details["escalation_rule"] == "complaint")
        #expect(handled.role == .channel)
        let subject = try await test.engine.store.subjectID(ofConversation: "a-1")
        #expect(subject != nil && handled.details["subject"] == subject)
        for action in ["handoff.create", "handoff.claim", "conversation.reply", "handoff.resolve", "conversation.read"] {
            #expect(entries.first { $0.action == action }?.details["subject"] == subject, "\(action) names no subject")
        }
        let claim = try #require(entries.first { $0.action == "handoff.claim" })
        #expect(claim.actor.rawValue.hasPrefix("token:"))
        #expect(claim.role == .agent)
        for entry in entries {
            #expect(!entry.canonicalJSON.contains("quokkaplatypus"))
        }
        #expect(try await test.engine.audit.verifyStoredLog().verified)
    }

    @Test func auditorExportsAPeriodThatVerifiesOffline() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let auditor = try await test.token(.auditor)
        try await test.app.test(.router) { client in
            _ = try await client.say("What is the status of order #12345?", in: "a-2", token: channel)
            let response = try await client.get("/v1/audit/export?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z", token: auditor)
            #expect(response.status == .ok)
            let report = try AuditBundleVerifier.verify(bundleBytes: Array(Data(buffer: response.body)), verifierKey: test.engine.audit.verifierKey.description)
            #expect(report.isVerified)
            let channelTry = try await client.get("/v1/audit/export?from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z", token: channel)
            #expect(channelTry.status == .forbidden)
        }
    }

    @Test func erasingACustomerLeavesTheAuditLogVerifiable() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("What is the status of order #12345?", in: "a-3", token: channel)
        }
        let subject = try #require(try await test.engine.store.subjectID(ofCustomer: "C-1001"))
        try await test.engine.store.shred(subjectID: subject)
        try await test.engine.audit.checkpoint()
        #expect(try await test.engine.audit.verifyStoredLog().verified)
    }

    @Test func anAdministratorsParseIsAuditedAndAChannelsIsNot() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        let admin = try await test.token(.admin)
        try await test.app.test(.router) { client in
            let byChannel = try await client.post("/model/parse", json: #"{"text": "where is my parcel, quokkaplatypus"}"#, token: channel)
            #expect(byChannel.status == .ok)
            let byAdmin = try await client.post("/model/parse", json: #"{"text": "where is my parcel, quokkaplatypus"}"#, token: admin)
            #expect(byAdmin.status == .ok)
        }
        let size = try await test.engine.store.auditFrontier().size
        let parses = try await test.engine.audit.entries(1...size).filter { $0.action == "model.parse" }
        #expect(parses.count == 1)
        #expect(parses.first?.role == .admin)
        #expect(parses.first?.details["model"] == test.engine.model.metadata.version)
        #expect(parses.first.map { !$0.canonicalJSON.contains("quokkaplatypus") } == true)
    }

    @Test func anAnonymousConversationMovedToItsCustomerIsOnTheRecord() async throws {
        let test = try await TestApp.make()
        let channel = try await test.token(.channel)
        try await test.app.test(.router) { client in
            _ = try await client.say("hello there", in: "link-1", customer: nil, token: channel)
        }
        let anonymous = try #require(try await test.engine.store.subjectID(ofConversation: "link-1"))
        try await test.app.test(.router) { client in
            _ = try await client.say("What is the status of order #12345?", in: "link-1", customer: "C-1001", token: channel)
        }
        let customer = try #require(try await test.engine.store.subjectID(ofCustomer: "C-1001"))
        #expect(customer != anonymous)
        let size = try await test.engine.store.auditFrontier().size
        let entries = try await test.engine.audit.entries(1...size)
        let link = try #require(entries.first { $0.action == "subject.link" })
        #expect(link.target?.id == "link-1")
        #expect(link.details["from_subject"] == anonymous)
        #expect(link.details["subject"] == customer)
        // the link precedes the turn that caused it
        let turn = try #require(entries.last { $0.action == "turn.handled" })
        #expect(link.sequence < turn.sequence)
        #expect(turn.details["subject"] == customer)
    }
}
