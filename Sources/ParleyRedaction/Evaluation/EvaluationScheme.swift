/// How gold and predicted types are compared.
///
/// `product` compares the redactor's own types as they are (the generated
/// corpora of `redaction-bench` label `DATE_OF_BIRTH`, `POSTCODE` and
/// `STREET_ADDRESS`). `coarse` is the label set of independent corpora: the
/// finer types are read as their coarse ones (`aliases`) on both sides, so a
/// birth date is a `DATE` and a postcode or street address a `LOCATION`.
public enum EvaluationScheme: String, Sendable, Codable, CaseIterable {
    case product, coarse

    /// Finer product types and the coarse type they count as under `coarse`.
    public static let aliases: [PIIEntityType: PIIEntityType] = [
        .dateOfBirth: .date, .streetAddress: .location, .postcode: .location,
    ]

    /// The types averaged in `EvaluationReport.patternMicro`: those found by
    /// patterns and checksums rather than by the named-entity stages.
    public static let patternTypes: Set<PIIEntityType> = [
        .email, .phone, .creditCard, .iban, .usSSN, .ukNHS, .ipAddress, .url, .cryptoWallet, .date,
    ]

    public func map(_ type: PIIEntityType) -> PIIEntityType {
        self == .coarse ? Self.aliases[type] ?? type : type
    }

    /// `coarse` when the corpus uses a coarse-only type (`DATE`, `LOCATION`), else `product`.
    public static func detect(_ records: [CorpusRecord]) -> EvaluationScheme {
        for record in records {
            for span in record.spans where span.type == .date || span.type == .location { return .coarse }
        }
        return .product
    }
}
