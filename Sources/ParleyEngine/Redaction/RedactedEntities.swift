import Foundation
import ParleyNLU
import ParleyRedaction

/// Entities the NLU reads in values that redaction took out of the text: a
/// date the policy redacts (`[DATE]`) still fills the `date` entity, read from
/// the turn's in-memory raw value, as order look-ups read the raw email. The
/// entity's offsets are its placeholder's in the redacted text; its value is
/// the normalised date, which reaches the channel's answer only.
enum RedactedEntities {
    static let dateTypes: Set<PIIEntityType> = [.date, .dateOfBirth]

    static func dates(original: String, redaction: RedactionResult, parser: NLUParser, referenceDate: Date) -> [Entity] {
        let spans = redaction.spans.filter { dateTypes.contains($0.type) && $0.redactedEnd > $0.redactedStart }
        guard !spans.isEmpty else { return [] }
        let scalars = Array(original.unicodeScalars)
        var found: [Entity] = []
        for span in spans where span.originalStart >= 0 && span.originalEnd <= scalars.count {
            let value = String(String.UnicodeScalarView(scalars[span.originalStart..<span.originalEnd]))
            guard let date = parser.builtinEntities(in: value, referenceDate: referenceDate).first(where: { $0.entity == "date" })
            else { continue }
            found.append(Entity(entity: "date", value: date.value, start: span.redactedStart, end: span.redactedEnd,
                                extractor: date.extractor))
        }
        return found
    }
}
