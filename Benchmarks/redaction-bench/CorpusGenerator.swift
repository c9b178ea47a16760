import ParleyRedaction

/// Generates a labelled support-chat corpus from templates and a seed. The same
/// seed always gives the same corpus; nothing is stored on disk unless asked.
struct CorpusGenerator {
    private var values: ValueFactory
    private var rng: SplitMix64

    /// Positive template groups; a record picks a group uniformly, so every type
    /// is well represented.
    private static let mainGroups: [[String]] = [
        FinancialTemplates.card, FinancialTemplates.iban, FinancialTemplates.wallet, IdentityTemplates.ssn,
        IdentityTemplates.nhs, IdentityTemplates.nino, IdentityTemplates.dob, IdentityTemplates.person,
        ContactTemplates.email, ContactTemplates.phone, ContactTemplates.url, ContactTemplates.ip,
        ContactTemplates.postcode, ContactTemplates.address,
    ]
    private static let openers = [
        "", "", "", "", "Hi, ", "Hello 👋 ", "Bonjour, ", "Hey! ", "Good morning. ", "🇬🇧 ", "Guten Tag – ", "ok so ",
        "Sorry to bother you, ", "URGENT: ",
    ]
    private static let closers = [
        "", "", "", "", " thanks", " 🙏", "!!", ". Merci beaucoup", " (urgent)", " – sent from my phone", " cheers 😀",
        " asap", ". Thank you!", " 👍🏽",
    ]

    private let groups: [[String]]
    private let nearMisses: [String]

    /// Which templates a generator draws from: the main ones, `HeldOutTemplates`,
    /// or `FreshTemplates` (which brings its own near misses too).
    enum TemplateSet {
        case main, heldOut, fresh
    }

    /// `heldOut` draws positive sentences from `HeldOutTemplates` instead.
    init(seed: UInt64, heldOut: Bool = false) {
        self.init(seed: seed, templates: heldOut ? .heldOut : .main)
    }

    init(seed: UInt64, templates: TemplateSet) {
        switch templates {
        case .main: (groups, nearMisses) = (Self.mainGroups, NearMissTemplates.all)
        case .heldOut: (groups, nearMisses) = (HeldOutTemplates.positive, NearMissTemplates.all)
        case .fresh: (groups, nearMisses) = (FreshTemplates.positive, FreshTemplates.nearMiss)
        }
        rng = SplitMix64(seed: seed)
        values = ValueFactory(rng: SplitMix64(seed: seed ^ 0xA5A5_5A5A_F00D_BEEF))
    }

    mutating func generate(count: Int) -> [CorpusRecord] {
        (0..<count).map { _ in record() }
    }

    private mutating func record() -> CorpusRecord {
        var builder = RecordBuilder()
        builder.appendText(rng.pick(Self.openers))
        if rng.chance(0.3) {
            fill(rng.pick(nearMisses), into: &builder)
        } else {
            fill(rng.pick(rng.pick(groups)), into: &builder)
            if rng.chance(0.12) {
                builder.appendText(rng.pick([". Also ", " and ", "; ", " – btw "]))
                fill(rng.pick(rng.pick(groups)), into: &builder)
            }
        }
        builder.appendText(rng.pick(Self.closers))
        return builder.record
    }

    private mutating func fill(_ template: String, into builder: inout RecordBuilder) {
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            builder.appendText(String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let slot = String(rest[rest.index(after: open)..<close])
            let (text, type) = value(for: slot)
            if let type { builder.appendValue(text, type: type) } else { builder.appendText(text) }
            rest = rest[rest.index(after: close)...]
        }
        builder.appendText(String(rest))
    }

    private mutating func value(for slot: String) -> (String, PIIEntityType?) {
        switch slot {
        case "card": return (values.card(), .creditCard)
        case "iban": return (values.iban(), .iban)
        case "wallet": return (values.wallet(), .cryptoWallet)
        case "ssn": return (values.ssn(), .usSSN)
        case "ssnplain": return (values.ssn(dashed: false), .usSSN)
        case "nhs": return (values.nhs(), .ukNHS)
        case "nino": return (values.nino(), .ukNINO)
        case "dob": return (values.dateOfBirth(), .dateOfBirth)
        case "name": return (values.personName(), .person)
        case "email": return (values.email(), .email)
        case "phone": return (values.phone(), .phone)
        case "url": return (values.url(), .url)
        case "ip": return (values.ipAddress(), .ipAddress)
        case "postcode": return (values.ukPostcode(), .postcode)
        case "zip": return (values.zip(), .postcode)
        case "address": return (values.streetAddress(), .streetAddress)
        case "city": return (values.cityAndState().city, nil)
        case "state": return (values.cityAndState().state, nil)
        default: return (values.nearMiss(slot) ?? slot, nil)
        }
    }
}
