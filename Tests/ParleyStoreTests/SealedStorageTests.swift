import Foundation
import ParleyCrypto
import ParleyStore
import Testing

@Suite struct SealedStorageTests {
    private func commit(_ store: Store, _ conversation: String, _ text: String, customer: String? = nil) async throws {
        try await store.commit(TurnCommit(
            conversationID: conversation, customerID: customer, channel: "test", status: .bot, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: text)], handoff: nil, now: Date()
        ))
    }

    @Test func turnTextIsNeverStoredInClear() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        do {
            let store = try Store(location: .directory(directory), keys: KeyHierarchy(master: .random()))
            try await commit(store, "s-1", "the marker word is xylophonequartz")
            let (_, turns) = try #require(try await store.transcript("s-1"))
            #expect(turns.first?.text == "the marker word is xylophonequartz")
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(bytes.range(of: Data("xylophonequartz".utf8)) == nil, "found in \(name)")
        }
    }

    @Test func shreddingASubjectMakesItsTextUnreadableAndLeavesOthers() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        try await commit(store, "a-1", "alpha text", customer: "C-1")
        try await commit(store, "b-1", "beta text", customer: "C-2")
        let subject = try #require(try await store.subjectID(ofCustomer: "C-1"))
        try await store.shred(subjectID: subject)
        #expect(try await store.transcript("a-1")?.1.first?.text == nil)
        #expect(try await store.transcript("b-1")?.1.first?.text == "beta text")
    }

    @Test func anonymousConversationMovesToItsCustomerWhenNamed() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        try await commit(store, "c-1", "first words")
        let anonymous = try #require(try await store.subjectID(ofConversation: "c-1"))
        try await commit(store, "c-1", "now I am known", customer: "C-9")
        let linked = try #require(try await store.subjectID(ofConversation: "c-1"))
        #expect(linked != anonymous)
        #expect(try await store.subjectID(ofCustomer: "C-9") == linked)
        #expect(try await store.transcript("c-1")?.1.compactMap(\.text) == ["first words", "now I am known"])
    }

    @Test func conversationOfOneCustomerCannotBeTakenByAnother() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        try await commit(store, "d-1", "mine", customer: "C-1")
        await #expect(throws: StoreError.self) { try await commit(store, "d-1", "yours", customer: "C-2") }
    }
}
