/// The steps of one redaction, in the order they run, for
/// `redaction-bench --stages` (``Redactor/redact(_:lap:)``): each detector,
/// the tagger, then scoring, keep rules, overlap resolution, address
/// assembly and the replacement.
@_spi(Benchmarks) public enum RedactionStage: Int, CaseIterable, Sendable {
    case email, url, phone, creditCard, iban, usSSN, ukNHS, ukNINO, ipAddress, cryptoWallet
    case dateOfBirth, date, postcode, streetAddress, person, namedEntities
    case contextScoring, keepRules, streetAddressPreference, resolution, addressAssembly, replacement

    public var name: String {
        switch self {
        case .email: "detector: email"
        case .url: "detector: url"
        case .phone: "detector: phone"
        case .creditCard: "detector: credit card"
        case .iban: "detector: iban"
        case .usSSN: "detector: us ssn"
        case .ukNHS: "detector: uk nhs"
        case .ukNINO: "detector: uk nino"
        case .ipAddress: "detector: ip address"
        case .cryptoWallet: "detector: crypto wallet"
        case .dateOfBirth: "detector: date of birth"
        case .date: "detector: date"
        case .postcode: "detector: postcode"
        case .streetAddress: "detector: street address"
        case .person: "detector: person (cues, patterns)"
        case .namedEntities: "NER tagger (names, places)"
        case .contextScoring: "context scoring"
        case .keepRules: "keep rules"
        case .streetAddressPreference: "resolution: prefer addresses, names"
        case .resolution: "resolution: thresholds, overlaps"
        case .addressAssembly: "resolution: address assembly"
        case .replacement: "replacement (operators, offsets)"
        }
    }
}
