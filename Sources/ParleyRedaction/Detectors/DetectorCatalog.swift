/// Every detector as a stored value, called with static dispatch (no existential
/// boxing per call); `enabled` switches types off per policy.
struct DetectorCatalog: Sendable {
    private let email = EmailDetector()
    private let url = URLDetector()
    private let phone = PhoneDetector()
    private let creditCard = CreditCardDetector()
    private let iban = IBANDetector()
    private let ssn = USSSNDetector()
    private let nhs = UKNHSDetector()
    private let nino = UKNINODetector()
    private let ipAddress = IPAddressDetector()
    private let cryptoWallet = CryptoWalletDetector()
    private let dateOfBirth = DateOfBirthDetector()
    private let date = DateDetector()
    private let postcode = PostcodeDetector()
    private let streetAddress = StreetAddressDetector()
    private let person = PersonDetector()
    /// The trained tagger for names and places; nil when both types are off.
    private let namedEntities: NamedEntityDetector?
    /// Enabled flag per entity type index.
    private let enabled: [Bool]

    init(enabled isEnabled: (PIIEntityType) -> Bool) {
        var flags = [Bool](repeating: false, count: PIIEntityType.caseCount)
        for type in PIIEntityType.allCases { flags[type.index] = isEnabled(type) }
        enabled = flags
        let people = isEnabled(.person)
        let places = isEnabled(.location)
        namedEntities = people || places ? NamedEntityDetector(people: people, places: places) : nil
    }

    func detect(in input: ScanInput, into candidates: inout [Candidate]) {
        run(email, input, &candidates)
        run(url, input, &candidates)
        run(phone, input, &candidates)
        run(creditCard, input, &candidates)
        run(iban, input, &candidates)
        run(ssn, input, &candidates)
        run(nhs, input, &candidates)
        run(nino, input, &candidates)
        run(ipAddress, input, &candidates)
        run(cryptoWallet, input, &candidates)
        run(dateOfBirth, input, &candidates)
        run(date, input, &candidates)
        run(postcode, input, &candidates)
        run(streetAddress, input, &candidates)
        run(person, input, &candidates)
        namedEntities?.detect(in: input, into: &candidates)
    }

    @inline(__always)
    private func run<D: PIIDetector>(_ detector: D, _ input: ScanInput, _ candidates: inout [Candidate]) {
        if enabled[detector.entityType.index] { detector.detect(in: input, into: &candidates) }
    }
}
