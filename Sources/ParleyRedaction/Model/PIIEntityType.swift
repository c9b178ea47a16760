/// The kinds of personal data the redactor recognises.
///
/// The raw value is the stable name used in policies, corpora and placeholders
/// (`[EMAIL]`, `[CREDIT_CARD]`, …).
public enum PIIEntityType: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case email = "EMAIL"
    case phone = "PHONE"
    case creditCard = "CREDIT_CARD"
    case iban = "IBAN"
    case usSSN = "US_SSN"
    case ukNHS = "UK_NHS"
    case ukNINO = "UK_NINO"
    case ipAddress = "IP_ADDRESS"
    case url = "URL"
    case cryptoWallet = "CRYPTO_WALLET"
    case dateOfBirth = "DATE_OF_BIRTH"
    case postcode = "POSTCODE"
    case streetAddress = "STREET_ADDRESS"
    case person = "PERSON"
    /// Any calendar date or date-time ("12/05/2024", "3 March", "2024-03-05T14:30Z");
    /// a bare year is not one. `dateOfBirth` is the finer type for birth dates.
    case date = "DATE"
    /// A place: a city, region or country, or a postal address as one span.
    /// `streetAddress` and `postcode` are the finer types of the pattern detectors.
    case location = "LOCATION"

    /// The text that replaces a value under the `placeholder` and `vault` operators.
    public var placeholder: String {
        switch self {
        case .email: return "[EMAIL]"
        case .phone: return "[PHONE]"
        case .creditCard: return "[CREDIT_CARD]"
        case .iban: return "[IBAN]"
        case .usSSN: return "[US_SSN]"
        case .ukNHS: return "[UK_NHS]"
        case .ukNINO: return "[UK_NINO]"
        case .ipAddress: return "[IP_ADDRESS]"
        case .url: return "[URL]"
        case .cryptoWallet: return "[CRYPTO_WALLET]"
        case .dateOfBirth: return "[DATE_OF_BIRTH]"
        case .postcode: return "[POSTCODE]"
        case .streetAddress: return "[STREET_ADDRESS]"
        case .person: return "[PERSON]"
        case .date: return "[DATE]"
        case .location: return "[LOCATION]"
        }
    }

    public static func < (lhs: PIIEntityType, rhs: PIIEntityType) -> Bool {
        lhs.rawValue < rhs.rawValue
    }
}
