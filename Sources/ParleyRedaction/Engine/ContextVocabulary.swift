/// Words that, shortly before a match, say what kind of value it is.
///
/// Keywords of four letters or more also match words they begin (`phone` matches
/// `phones`); shorter ones must match a whole word. Negative words mark business
/// identifiers and versions; filler words are skipped when looking for them.
enum ContextVocabulary {
    static let positive: [PIIEntityType: [String]] = [
        .phone: [
            "phone", "telephone", "tel", "call", "calling", "ring", "mobile", "cell", "cellphone",
            "landline", "text", "sms", "whatsapp", "fax", "reach", "contact", "dial", "extension",
        ],
        .creditCard: [
            "card", "credit", "debit", "visa", "mastercard", "amex", "discover", "maestro", "jcb",
            "pan", "charged", "payment", "cc",
        ],
        .usSSN: ["ssn", "social", "security", "ssa", "taxpayer", "tin"],
        .ukNHS: ["nhs", "health", "patient", "hospital", "gp", "surgery", "medical", "chi"],
        .ukNINO: ["nino", "ni", "national", "insurance"],
        .iban: ["iban", "account", "bank", "transfer", "sepa", "payee"],
        .ipAddress: ["ip", "ipv4", "ipv6", "address", "server", "host", "router", "gateway", "connecting", "login", "logged"],
        .postcode: ["postcode", "post", "postal", "zip", "zipcode", "address"],
        .cryptoWallet: ["bitcoin", "btc", "wallet", "crypto"],
        .streetAddress: ["address", "live", "living", "moved", "deliver", "located", "reside", "residence", "home"],
        .dateOfBirth: ["born", "birth", "dob", "birthday"],
    ]

    /// Words that, right before a number, make it an identifier rather than PII.
    static let negative: [String] = [
        "order", "tracking", "invoice", "reference", "ref", "ticket", "booking", "confirmation",
        "parcel", "shipment", "consignment", "claim", "policy", "case", "version", "ver", "build",
        "release", "firmware", "model", "serial", "sku", "item", "product", "receipt", "transaction",
        "membership", "loyalty", "voucher", "coupon", "promo",
    ]

    /// Words skipped when deciding whether a negative word is adjacent.
    static let filler: [String] = [
        "number", "no", "nr", "num", "id", "is", "was", "the", "my", "your", "our", "of", "code", "a", "an",
    ]
}
