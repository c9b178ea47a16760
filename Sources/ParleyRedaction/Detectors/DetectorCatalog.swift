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
    private let person: PersonDetector
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
        person = PersonDetector(placesEnabled: places)
        namedEntities = people || places ? NamedEntityDetector(people: people, places: places) : nil
    }

    /// `lap` is called after each detector (`redaction-bench --stages`).
    func detect(in input: ScanInput, into candidates: inout [Candidate], lap: (RedactionStage) -> Void = { _ in }) {
        run(email, input, &candidates); lap(.email)
        run(url, input, &candidates); lap(.url)
        run(phone, input, &candidates); lap(.phone)
        run(creditCard, input, &candidates); lap(.creditCard)
        run(iban, input, &candidates); lap(.iban)
        run(ssn, input, &candidates); lap(.usSSN)
        run(nhs, input, &candidates); lap(.ukNHS)
        run(nino, input, &candidates); lap(.ukNINO)
        run(ipAddress, input, &candidates); lap(.ipAddress)
        run(cryptoWallet, input, &candidates); lap(.cryptoWallet)
        run(dateOfBirth, input, &candidates); lap(.dateOfBirth)
        run(date, input, &candidates); lap(.date)
        run(postcode, input, &candidates); lap(.postcode)
        run(streetAddress, input, &candidates); lap(.streetAddress)
        run(person, input, &candidates); lap(.person)
        namedEntities?.detect(in: input, into: &candidates)
        lap(.namedEntities)
    }

    @inline(__always)
    private func run<D: PIIDetector>(_ detector: D, _ input: ScanInput, _ candidates: inout [Candidate]) {
        if enabled[detector.entityType.index] { detector.detect(in: input, into: &candidates) }
    }
}
