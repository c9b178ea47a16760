import ParleyDialogue

/// Renders the domain's responses: picks a variant (deterministically, so a
/// conversation reads the same when replayed) and fills its variables from
/// the slots and the values an action provided.
struct Responder: Sendable {
    let domain: Domain

    func render(_ name: String, slots: [String: String], variables: [String: String] = [:], seed: Int) -> String? {
        guard let variants = domain.responses[name], !variants.isEmpty else { return nil }
        let variant = variants[abs(seed) % variants.count]
        return variant.render(slots.merging(variables) { _, action in action })
    }
}
