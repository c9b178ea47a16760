extension RedactionPolicy {
    /// The built-in policy; `policies/pii.yml` spells out the same settings.
    ///
    /// Every type is enabled and replaced by its placeholder; a span needs a score
    /// of 0.5. Weak patterns (bare 9 or 10 digits, 5-digit ZIPs, unspaced UK
    /// postcodes) only reach 0.5 with a context word nearby.
    public static let `default` = RedactionPolicy()

    /// Order numbers, tickets and references that must never be redacted.
    public static let defaultKeepRules: [KeepRule] = [
        KeepRule(prefix: "#", followedBy: .digits),
        KeepRule(prefix: "ORD-"),
        KeepRule(prefix: "INV-"),
        KeepRule(prefix: "REF-"),
        KeepRule(prefix: "TKT-"),
        KeepRule(prefix: "CASE-"),
        KeepRule(prefix: "CLM-"),
    ]
}
