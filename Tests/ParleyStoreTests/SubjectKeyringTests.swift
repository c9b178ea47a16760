import Foundation
import GRDB
import ParleyCrypto
@testable import ParleyStore
import Testing

@Suite struct SubjectKeyringTests {
    @Test func aKeyReadJustBeforeItsShredIsNotCachedAfterIt() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        try await store.commit(TurnCommit(
            conversationID: "k-1", customerID: "C-1", channel: "test", status: .bot, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: "kept until shredded")], handoff: nil, now: Date()
        ))
        let subject = try #require(try await store.subjectID(ofCustomer: "C-1"))
        // A lookup in flight: it has read and unwrapped the stored key...
        let inFlight = try #require(try await store.keyring.storedKey(for: subject))
        // ...when the subject is shredded, before the lookup caches the key.
        try await store.shred(subjectID: subject)
        #expect(store.keyring.adopt(inFlight, for: subject) == nil)
        #expect(try await store.keyring.key(for: subject) == nil)
        #expect(try await store.transcript("k-1")?.1.first?.text == nil)
    }

    @Test func linkingAConversationToItsCustomerResealsTheAgentsNotes() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        try await store.commit(TurnCommit(
            conversationID: "n-1", customerID: nil, channel: "test", status: .handoff, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: "a person please")],
            handoff: .init(queue: "billing", reason: "asked for a person", rule: "test"), now: Date()
        ))
        let anonymous = try #require(try await store.subjectID(ofConversation: "n-1"))
        _ = try await store.claim(conversationID: "n-1", agent: "agent-1", now: Date())
        _ = try await store.resolve(conversationID: "n-1", agent: "agent-1", correctIntent: "billing", note: "refund promised", now: Date())
        try await store.commit(TurnCommit(
            conversationID: "n-1", customerID: "C-7", channel: "test", status: .bot, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: "I am C-7")], handoff: nil, now: Date()
        ))
        let linked = try #require(try await store.subjectID(ofConversation: "n-1"))
        #expect(linked != anonymous)
        #expect(try await store.keyring.key(for: anonymous) == nil)
        let (handoffID, sealed) = try await store.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT handoff_id, note FROM feedback WHERE conversation_id = 'n-1'"))
            return (row["handoff_id"] as Int64, row["note"] as Data)
        }
        let key = try await store.subjectKey(linked)
        #expect(try SealedField.openString(sealed, key: key, context: SealedField.note("n-1", handoffID: handoffID)) == "refund promised")
    }

    @Test func aCustomerWhoseSubjectLostItsKeyStartsANewSubject() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        func say(_ conversation: String, _ text: String) async throws {
            try await store.commit(TurnCommit(
                conversationID: conversation, customerID: "C-3", channel: "test", status: .bot, tracker: Data("{}".utf8),
                messages: [.init(role: .customer, text: text)], handoff: nil, now: Date()
            ))
        }
        try await say("l-1", "before the key was lost")
        let lost = try #require(try await store.subjectID(ofCustomer: "C-3"))
        // The key is destroyed but the subject row not updated (a crash in between,
        // or a database restored from before the erasure).
        try await store.keyring.shred(subjectID: lost)

        try await say("l-2", "after")
        let fresh = try #require(try await store.subjectID(ofCustomer: "C-3"))
        #expect(fresh != lost)
        #expect(try await store.transcript("l-2")?.1.first?.text == "after")
        let (erasedAt, customerID) = try await store.read { db -> (Date?, String?) in
            let row = try Row.fetchOne(db, sql: "SELECT erased_at, customer_id FROM subject WHERE id = ?", arguments: [lost])
            return (row?["erased_at"], row?["customer_id"])
        }
        #expect(erasedAt != nil)
        #expect(customerID == nil)
    }

    @Test func aShredByAnotherProcessReachesAKeyThisOneHasCached() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("keyring-shared-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keys = try KeyHierarchy(master: .random())
        // Two stores on one directory: the server and a command beside it.
        let server = try Store(location: .directory(directory), keys: keys)
        try await server.commit(TurnCommit(
            conversationID: "x-1", customerID: "C-5", channel: "test", status: .bot, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: "cached by the server")], handoff: nil, now: Date()
        ))
        #expect(try await server.transcript("x-1")?.1.first?.text == "cached by the server")
        let command = try Store(location: .directory(directory), keys: keys)
        try await command.shred(subjectID: try #require(try await command.subjectID(ofCustomer: "C-5")))
        try command.close()

        // Within the recheck interval the server may still use its cached key; after it, not.
        server.keyring.expireCacheCheck()
        #expect(try await server.transcript("x-1")?.1.first?.text == nil)
        try server.close()
    }
}
