import Foundation
import ParleyCrypto
import ParleyStore
import Testing

/// Raw values a policy vaults: sealed under the customer's key, never on disk
/// in clear, revealed on request, gone with the customer's erasure.
@Suite struct VaultTests {
    @Test func vaultedValuesAreSealedRevealedAndShredded() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vault-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let marker = "vaultmarker\(UInt32.random(in: 0...UInt32.max))@example.org"
        do {
            let store = try Store(location: .directory(directory), keys: KeyHierarchy(master: .random()))
            try await store.commit(TurnCommit(
                conversationID: "v-1", customerID: "C-1", channel: "test", status: .bot, tracker: Data("{}".utf8),
                messages: [.init(role: .customer, text: "mail me at [EMAIL]", vaulted: [(type: "EMAIL", value: marker)])],
                handoff: nil, now: Date()
            ))
            #expect(try await store.vaultedValues(conversationID: "v-1", seq: 1) == [VaultedValue(type: "EMAIL", value: marker)])
            await #expect(throws: StoreError.self) { try await store.vaultedValues(conversationID: "v-1", seq: 2) }
            try store.close()
        }
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
            guard let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            #expect(bytes.range(of: Data(marker.utf8)) == nil, "found in \(name)")
        }
    }

    @Test func nothingCanBeRevealedAfterTheCustomerIsShredded() async throws {
        let store = try Store(location: .inMemory, keys: KeyHierarchy(master: .random()))
        try await store.commit(TurnCommit(
            conversationID: "v-2", customerID: "C-2", channel: "test", status: .bot, tracker: Data("{}".utf8),
            messages: [.init(role: .customer, text: "card [CREDIT_CARD]", vaulted: [(type: "CREDIT_CARD", value: "4111111111111111")])],
            handoff: nil, now: Date()
        ))
        let subject = try #require(try await store.subjectID(ofCustomer: "C-2"))
        try await store.shred(subjectID: subject)
        await #expect {
            try await store.vaultedValues(conversationID: "v-2", seq: 1)
        } throws: { error in
            if case StoreError.subjectErased = error { return true }
            return false
        }
    }
}
