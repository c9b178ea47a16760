extension PIIEntityType {
    /// Dense index for per-type lookup tables.
    var index: Int {
        switch self {
        case .email: return 0
        case .phone: return 1
        case .creditCard: return 2
        case .iban: return 3
        case .usSSN: return 4
        case .ukNHS: return 5
        case .ukNINO: return 6
        case .ipAddress: return 7
        case .url: return 8
        case .cryptoWallet: return 9
        case .dateOfBirth: return 10
        case .postcode: return 11
        case .streetAddress: return 12
        case .person: return 13
        case .date: return 14
        case .location: return 15
        }
    }

    static let caseCount = 16
}
