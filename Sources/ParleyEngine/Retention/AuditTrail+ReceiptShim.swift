import ParleyAudit

// TEMPORARY until the audit branch (AuditTrail.receipt(forSequence:)) is merged.
struct ShimReceipt { let text: String }

extension AuditTrail {
    func receipt(forSequence sequence: UInt64) async throws -> ShimReceipt {
        let entries = try await entries(sequence...sequence)
        return ShimReceipt(text: entries.first?.canonicalJSON ?? "")
    }
}
