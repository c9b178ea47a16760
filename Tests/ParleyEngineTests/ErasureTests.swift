import Foundation
import Logging
import ParleyAudit
import ParleyEngine
import ParleyRetention
@testable import ParleyStore
import ParleyTestSupport
import Testing

/// Erasure (GDPR Art. 17) on a real installation: what is gone from every
/// page of every file, what a legal hold keeps, what a backup brings back
/// and how the next start erases it again.
@Suite struct ErasureTests {
    /// Made-up words that occur nowhere else: the erased customer's and a bystander's.
    static let erasedName = "Quilleran Vondrasek"
    static let erasedEmail = "quilleran.vondrasek@example.com"
    static let erasedWords = "zorbulon fenwhistle"
    static let otherName = "Brandolin Aspery"
    static let otherWords = "marquetrix pellgrove"

    static func markers() -> [String] { [erasedName, erasedEmail, erasedWords] }

    /// Two CRM customers with conversations; the first has two of them (one
    /// started anonymously, then linked), a handoff resolved with a note, and feedback.
    static func populated() async throws -> TestInstallation {
        let installation = try await TestInstallation.open()
        _ = try await installation.store.importCRM(customers: [
            CRMCustomerRecord(id: "C-9001", name: erasedName, email: erasedEmail, tier: "standard"),
            CRMCustomerRecord(id: "C-9002", name: otherName, email: "brandolin.aspery@example.com", tier: "gold"),
        ], orders: [], tickets: [
            CRMTicketRecord(id: "T-9001", customerID: "C-9001", subject: "Parcel for \(erasedName)", status: "open", openedAt: Date()),
        ])
        try await installation.say("Hello, my cat \(erasedWords) ate the parcel", in: "erase-a")
        try await installation.say("I am customer C-9001, \(erasedWords) again", in: "erase-a", customer: "C-9001")
        try await installation.say("I need to discuss a billing issue with a representative.", in: "erase-b", customer: "C-9001")
        let agent = try await installation.engine.tokens.create(role: .agent, name: "dana", by: .system)
        let caller = try #require(try await installation.engine.tokens.authenticate(agent.token))
        _ = try await installation.engine.claim(conversationID: "erase-b", agent: caller)
        _ = try await installation.engine.agentReply(conversationID: "erase-b", agent: caller, text: "Dana here for \(erasedWords)")
        _ = try await installation.engine.resolve(conversationID: "erase-b", agent: caller, correctIntent: "billing_question", note: "called about \(erasedWords)")
        try await installation.say("What is the status of order #12346? \(otherWords)", in: "keep-c", customer: "C-9002")
        return installation
    }

    @Test func anErasureLeavesNoByteOfTheCustomerInAnyPageAndKeepsEveryoneElse() async throws {
        let installation = try await Self.populated()
        defer { installation.remove() }
        let subjects = try await installation.store.erasureScope(customerID: "C-9001").subjects
        #expect(!subjects.isEmpty)
        // The scan sees the customer before the erasure (their CRM record is only page-encrypted).
        #expect(try installation.occurrences(of: Self.markers()) > 0)

        let outcome = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-1", by: .system)
        #expect(outcome.details["erased.conversations"] == "2")
        #expect(outcome.details["erased.crm_customer"] == "1")
        #expect(outcome.details["erased.crm_tickets"] == "1")
        #expect(outcome.details["erased.notes"] == "1")
        #expect(outcome.details["erased.feedback"] == "1")
        #expect(outcome.details["subjects"]?.split(separator: ",").count == subjects.count)
        #expect(outcome.details["keys_destroyed"]?.split(separator: ",").count == subjects.count)

        try installation.close()
        #expect(try installation.occurrences(of: Self.markers()) == 0)
        // No key of theirs is left to open a sealed copy anywhere (a backup included).
        let reopened = try await TestInstallation.open(at: installation.root)
        #expect(try await reopened.store.keyring.stored(among: subjects).isEmpty)
        #expect(try await reopened.store.transcript("erase-a") == nil)
        #expect(try await reopened.store.transcript("erase-b") == nil)
        #expect(try await reopened.store.crmCustomer(id: "C-9001") == nil)
        // Everyone else is intact.
        #expect(try await reopened.store.transcript("keep-c")?.1.first?.text?.contains(Self.otherWords) == true)
        #expect(try await reopened.store.crmCustomer(id: "C-9002")?.name == Self.otherName)
        #expect(try await reopened.audit.verifyStoredLog().verified)
        try reopened.close()
        #expect(try reopened.occurrences(of: [Self.otherName]) > 0)
    }

    @Test func askingTwiceGivesTheSameReceiptAndAnUnknownCustomerChangesNothing() async throws {
        let installation = try await Self.populated()
        defer { installation.remove() }
        let first = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-2", by: .system)
        #expect(!first.alreadyDone)
        let receipt = try #require(first.receipt)
        // The receipt proves the erasure's audit entry with the public key alone, and a changed byte fails.
        let report = AuditReceipt.verify(receipt, verifierKey: installation.audit.verifierKey)
        #expect(report.isVerified, "\(report.summary)")
        #expect(report.entry?.action == "erasure.complete")
        #expect(report.entry?.details["request_id"] == "DSR-2")
        var forged = Array(receipt.utf8)
        let digit = try #require(forged.lastIndex(of: UInt8(ascii: "1")))
        forged[digit] = UInt8(ascii: "2")
        #expect(!AuditReceipt.verify(bytes: forged, verifierKey: installation.audit.verifierKey).isVerified)
        let again = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-2", by: .system)
        #expect(again.alreadyDone)
        #expect(again.receipt == receipt)
        #expect(again.record.id == first.record.id)
        // Without a request id, a customer with nothing left gets the last receipt.
        let plain = try await installation.retention.erase(customerID: "C-9001", requestID: nil, by: .system)
        #expect(plain.alreadyDone && plain.receipt == receipt)
        // A request id names one erasure: using it for someone else is refused.
        await #expect(throws: EngineError.self) {
            _ = try await installation.retention.erase(customerID: "C-9002", requestID: "DSR-2", by: .system)
        }

        let size = try await installation.store.auditFrontier().size
        let requests = try await installation.store.erasureRequests().count
        await #expect(throws: EngineError.notFound("customer C-0000")) {
            _ = try await installation.retention.erase(customerID: "C-0000", requestID: nil, by: .system)
        }
        #expect(try await installation.store.auditFrontier().size == size)
        #expect(try await installation.store.erasureRequests().count == requests)
    }

    @Test func aHoldKeepsWhatItCoversAndOnlyThatAndTheReceiptNamesIt() async throws {
        let installation = try await Self.populated()
        defer { installation.remove() }
        let hold = try await installation.retention.addHold(
            LegalHolds.Request(scope: .conversation, conversationID: "erase-b", reason: "billing dispute file 7", authority: "legal department"),
            by: .system
        )
        let outcome = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-3", by: .system)
        #expect(outcome.details["held"] == "1")
        #expect(outcome.details["held.hold_ids"] == hold.id)
        #expect(outcome.details["erased.conversations"] == "1")
        // The held conversation is readable; the other one is gone, and so is the CRM record.
        #expect(try await installation.store.transcript("erase-b")?.1.contains { $0.text?.contains("billing issue") == true } == true)
        #expect(try await installation.store.transcript("erase-a") == nil)
        #expect(try await installation.store.crmCustomer(id: "C-9001") == nil)
        // Released, the next request erases the rest.
        _ = try await installation.retention.releaseHold(id: hold.id, by: .system)
        let rest = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-4", by: .system)
        #expect(rest.details["erased.conversations"] == "1")
        #expect(try await installation.store.transcript("erase-b") == nil)
        try installation.close()
        #expect(try installation.occurrences(of: Self.markers()) == 0)
    }

    @Test func aCustomerHoldKeepsTheirCRMRecordAndKeys() async throws {
        let installation = try await Self.populated()
        defer { installation.remove() }
        let hold = try await installation.retention.addHold(
            LegalHolds.Request(scope: .customer, customerID: "C-9001", reason: "subpoena 2026-114", authority: "court"), by: .system
        )
        let outcome = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-5", by: .system)
        #expect(outcome.details["held"] == "2")
        #expect(outcome.details["held.hold_ids"] == hold.id)
        #expect(outcome.details["erased.conversations"] == "0")
        #expect(outcome.details["keys_destroyed"] == "")
        #expect(try await installation.store.crmCustomer(id: "C-9001")?.name == Self.erasedName)
        #expect(try await installation.store.transcript("erase-a")?.1.first?.text != nil)
    }

    @Test func aBackupFromBeforeTheErasureIsErasedAgainWhenRestored() async throws {
        let installation = try await Self.populated()
        defer { installation.remove() }
        let backup = installation.root.appendingPathComponent("before.bak")
        try await installation.store.backup(to: backup, keys: installation.keys)
        _ = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-6", by: .system)
        try installation.close()

        // Restore as `parley restore` does: the backup's data, the live audit and erasure logs.
        let live = installation.databasePath
        try Store.copyDatabase(at: backup.path, key: installation.keys.databaseKey, to: live + ".restoring", targetKey: installation.keys.databaseKey)
        try Store.copyAuditLog(from: live, key: installation.keys.databaseKey, into: live + ".restoring", targetKey: installation.keys.databaseKey)
        for suffix in ["-wal", "-shm"] { try FileSync.removeIfPresent(live + suffix) }
        try FileSync.replace(live, with: live + ".restoring")
        try FileManager.default.removeItem(at: backup)
        // Before the next start the restored file holds the customer again...
        #expect(try installation.occurrences(of: [Self.erasedName]) > 0)

        let restarted = try await TestInstallation.open(at: installation.root)
        #expect(try await restarted.store.crmCustomer(id: "C-9001") == nil)
        #expect(try await restarted.store.transcript("erase-a") == nil)
        #expect(try await restarted.store.transcript("keep-c")?.1.first?.text?.contains(Self.otherWords) == true)
        let actions = try await restarted.audit.entries(1...(try await restarted.store.auditFrontier().size)).map(\.action)
        #expect(actions.contains("erasure.reapply"))
        try restarted.close()
        // ...and after it, no page of any file does.
        #expect(try restarted.occurrences(of: Self.markers()) == 0)
    }

    @Test func anErasureCutShortIsFinishedAtTheNextStart() async throws {
        let installation = try await Self.populated()
        defer { installation.remove() }
        // What a crash right after the request was recorded leaves: a running request.
        let erasure = installation.retention.erasure
        let ref = erasure.customerRef("C-9001")
        _ = try await installation.store.beginErasure(ErasureRequestRecord(
            id: "er_cut", requestID: "DSR-7", customerRef: ref, customerID: "C-9001", requestedBy: "system", requestedAt: Date()
        )) { [] }
        try installation.close()

        let restarted = try await TestInstallation.open(at: installation.root)
        let record = try #require(try await restarted.store.erasureRequest(id: "er_cut"))
        #expect(record.status == .complete)
        #expect(record.customerID == nil)
        #expect(record.receipt != nil)
        #expect(try await restarted.store.transcript("erase-a") == nil)
        #expect(try await restarted.store.crmCustomer(id: "C-9001") == nil)
    }

    @Test func modelsTrainedOnTheirLabelsAreMarkedAndTheNextTrainingSetHasNone() async throws {
        let installation = try await Self.populated()
        defer { installation.remove() }
        let feedback = try await installation.store.feedbackExamples()
        #expect(feedback.map(\.intent) == ["billing_question"])
        let model = try Training.train(bot: installation.engine.bot, feedback: feedback, logger: .init(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        try await Training.recordTrained(model, feedback: feedback, bot: installation.engine.bot, activated: false, by: .system, audit: installation.audit)
        #expect(try await installation.store.modelLineage(version: model.metadata.version).count == 1)

        let outcome = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-8", by: .system)
        #expect(outcome.details["models"] == model.metadata.version)
        #expect(try await installation.store.modelsTrainedOnErasedData().map(\.modelVersion) == [model.metadata.version])
        #expect(try await installation.store.feedbackExamples().isEmpty)
    }

    @Test func anAccessExportHoldsTheirDataAndAnErasedCustomerIsRefused() async throws {
        let installation = try await Self.populated()
        defer { installation.remove() }
        let document = try await installation.retention.export(customerID: "C-9001", includeVault: false, by: .system)
        #expect(document.customer?.name == Self.erasedName)
        #expect(document.conversations.map(\.id).sorted() == ["erase-a", "erase-b"])
        #expect(document.conversations.flatMap(\.turns).contains { $0.text?.contains(Self.erasedWords) == true })
        #expect(document.conversations.flatMap(\.agentNotes).contains { $0.text == "called about \(Self.erasedWords)" })
        #expect(document.tickets.map(\.id) == ["T-9001"])
        #expect(document.conversations.allSatisfy { $0.vault == nil })
        #expect(document.retention.contains { $0.category == .conversations })
        #expect(document.purposes.contains { $0.name == "customer-support" })
        let actions = try await installation.audit.entries(1...(try await installation.store.auditFrontier().size)).map(\.action)
        #expect(actions.last == "subject.export")

        _ = try await installation.retention.erase(customerID: "C-9001", requestID: "DSR-9", by: .system)
        await #expect(throws: EngineError.self) {
            _ = try await installation.retention.export(customerID: "C-9001", includeVault: false, by: .system)
        }
        await #expect(throws: EngineError.notFound("customer C-0000")) {
            _ = try await installation.retention.export(customerID: "C-0000", includeVault: false, by: .system)
        }
    }
}
