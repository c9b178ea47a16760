import ParleyAudit
import ParleyStore

extension ParleyEngine {
    /// An administrator's reveal of the raw values the policy vaulted for one
    /// turn (operator `vault`). The reveal is audited (turn, count and types,
    /// never a value) before any value is returned; a refused or failed reveal
    /// is audited too. After the customer's erasure nothing can be revealed.
    public func revealVaulted(conversationID: String, seq: Int, by reader: AuthenticatedCaller) async throws(EngineError) -> [VaultedValue] {
        do throws(EngineError) {
            try Identifier.validate(conversationID, what: "conversation id")
            guard seq > 0 else { throw EngineError.invalidInput("turn numbers start at 1") }
            let values: [VaultedValue]
            do { values = try await store.vaultedValues(conversationID: conversationID, seq: seq) } catch {
                if case .subjectErased = error {
                    throw EngineError.notFound("vaulted values of turn \(seq) of conversation \(conversationID) (the customer's data was erased)")
                }
                throw Self.map(error)
            }
            try await record(.token(reader), "pii.reveal", conversationID, details: [
                "turn": String(seq), "count": String(values.count), "types": Set(values.map(\.type)).sorted().joined(separator: ","),
            ])
            return values
        } catch {
            await recordFailure(.token(reader), "pii.reveal", conversationID, error)
            throw error
        }
    }
}
