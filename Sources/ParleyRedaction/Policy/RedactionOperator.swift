/// How a detected value is replaced in the text.
public enum RedactionOperator: Sendable, Hashable {
    /// Replace with `[TYPE]`, e.g. `[EMAIL]`.
    case placeholder
    /// Replace every letter and digit with `character` except the last `keepLast`
    /// letters/digits. Separators (spaces, dashes, dots, `@`) are kept so the shape
    /// stays readable: `4111 1111 1111 1111` becomes `**** **** **** 1111`.
    case mask(keepLast: Int, character: Character)
    /// Replace with `[TYPE:digest]` where the digest comes from the injected
    /// `PIIHasher`: the same value gives the same token; it cannot be reversed.
    case hash
    /// Remove the value; a doubled space left behind is collapsed.
    case drop
    /// Replace with the placeholder and hand the raw value back in
    /// `RedactionResult.vaulted` for encryption under the customer's key.
    case vault

    /// The default mask keeps the last four characters and masks with `*`.
    public static let defaultMask = RedactionOperator.mask(keepLast: 4, character: "*")

    /// The operator's name as used in policies.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case placeholder, mask, hash, drop, vault
    }

    public var kind: Kind {
        switch self {
        case .placeholder: return .placeholder
        case .mask: return .mask
        case .hash: return .hash
        case .drop: return .drop
        case .vault: return .vault
        }
    }
}
