/// Words that, shortly before a match, say what kind of value it is.
///
/// Keywords of four letters or more also match words they begin (`phone` matches
/// `phones`; the stem `medic` matches `medical` and `medication`); shorter ones
/// must match a whole word. Negative words mark business
/// identifiers and versions; filler words are skipped when looking for them.
enum ContextVocabulary {
    static let positive: [PIIEntityType: [String]] = [
        .phone: [
            "phone", "telephone", "tel", "call", "calling", "ring", "mobile", "cell", "cellphone",
            "landline", "text", "sms", "whatsapp", "fax", "reach", "contact", "dial", "extension",
            "telefon", "movil", "celular", "cellulare", "handy", "portable", "mobil", "rufnummer", "tlf", "tfno",
            "cel", "ext", "hotline", "helpline", "switchboard", "voicemail",
        ],
        .creditCard: [
            "card", "credit", "debit", "visa", "mastercard", "amex", "discover", "maestro", "jcb",
            "pan", "charged", "payment", "cc",
        ],
        .usSSN: ["ssn", "social", "security", "ssa", "taxpayer", "tin", "itin", "tax", "taxes", "irs", "soc", "ss"],
        .ukNHS: [
            "nhs", "health", "patient", "hospital", "gp", "surgery", "medic", "chi", "clinic", "ward", "referral",
            "referred", "discharge", "prescription", "pharmac", "doctor", "consultant", "specialist", "dentist",
            "dental", "optician", "physio", "ambulance", "paramedic", "maternity", "midwife", "nursing",
            "outpatient", "inpatient", "vaccin", "treatment",
        ],
        .ukNINO: ["nino", "ni", "national", "insurance"],
        .iban: ["iban", "account", "bank", "transfer", "sepa", "payee"],
        .ipAddress: ["ip", "ipv4", "ipv6", "address", "server", "host", "router", "gateway", "connecting", "login", "logged"],
        .postcode: ["postcode", "post", "postal", "zip", "zipcode", "address"],
        // Solana keys and rarer SS58 networks have no checksum to stand on: these words carry them.
        .cryptoWallet: [
            "bitcoin", "btc", "wallet", "crypto", "address", "solana", "sol", "phantom", "solflare", "spl", "usdc",
            "usdt", "polkadot", "dot", "kusama", "ksm", "substrate", "send", "sent", "withdraw", "deposit", "refund",
            "pay", "transfer", "adresse", "adres", "billetera", "cartera", "carteira", "portefeuille", "portafoglio",
            "portemonnee", "portfel", "direcci", "endere", "indirizzo", "enviar", "envoyer", "senden", "inviare",
            "reembolso", "rembours", "erstatt", "rimbors",
        ],
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

    /// Words (and stems: "updat" covers "update", "updating") that mark a dotted
    /// number as a software version rather than an IP address: right before or
    /// after it ("updated to 7.3.2.45", "the 7.3.2.45 release"), or anywhere
    /// near a number shaped like a version ("7.3.2.45").
    static let versionMarkers: [String] = [
        "version", "ver", "v", "build", "release", "firmware", "fw", "updat", "upgrad", "downgrad", "patch",
        "hotfix", "instal", "app", "apps", "application", "software", "os", "ios", "android", "windows", "macos",
        "kernel", "driver", "sdk", "beta", "alpha", "rc", "changelog", "edition", "package", "plugin", "runtime",
        "library", "latest", "nightly", "roll", "rolled",
    ]

    /// Words that may stand between a version marker and its number ("updated
    /// to 7.3.2.45", "the app is now on 7.3.2.45"), besides the fillers.
    static let versionBridges: [String] = [
        "to", "on", "from", "now", "at", "with", "into", "currently", "still", "already", "just", "running",
    ]

    /// Words skipped when deciding whether a negative word is adjacent.
    static let filler: [String] = [
        "number", "no", "nr", "num", "id", "is", "was", "the", "my", "your", "our", "of", "code", "a", "an",
    ]
}
