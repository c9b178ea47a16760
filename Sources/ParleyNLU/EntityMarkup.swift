/// Reads Rasa's inline entity markup in training examples:
/// `[#12345](order_id)`, `[bill](topic:billing)` (a synonym) and
/// `[bill]{"entity": "topic", "value": "billing"}`.
public enum EntityMarkup {
    /// Returns the plain text and the annotations, offsets in Unicode scalars
    /// of the plain text. Throws on unbalanced or malformed markup. Linear in
    /// the example's length, however many `[` it holds.
    public static func parse(_ marked: String) throws(NLUError) -> (text: String, entities: [EntityAnnotation]) {
        let scalars = Array(marked.unicodeScalars)
        let closes = nextCloses(in: scalars)
        var plain = String.UnicodeScalarView()
        var plainCount = 0
        var entities: [EntityAnnotation] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "[", let close = closes[index + 1],
                  close + 1 < scalars.count, scalars[close + 1] == "(" || scalars[close + 1] == "{"
            else {
                plain.append(scalars[index])
                plainCount += 1
                index += 1
                continue
            }
            let surface = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            let opener = scalars[close + 1]
            let closer: Unicode.Scalar = opener == "(" ? ")" : "}"
            guard let end = scalars[(close + 2)...].firstIndex(of: closer) else {
                throw .invalidTrainingData(location: "entity markup", reason: "unclosed '\(opener)' after an entity")
            }
            let spec = String(String.UnicodeScalarView(scalars[(close + 2)..<end]))
            let (entity, value) = try opener == "(" ? parseShort(spec) : parseJSON(spec)
            guard !entity.isEmpty, !surface.isEmpty else {
                throw .invalidTrainingData(location: "entity markup", reason: "empty entity name or text")
            }
            let start = plainCount
            plain.append(contentsOf: surface.unicodeScalars)
            plainCount += surface.unicodeScalars.count
            entities.append(EntityAnnotation(entity: entity, value: value ?? surface, start: start, end: plainCount))
            index = end + 1
        }
        return (String(plain), entities)
    }

    /// For each position, the first `]` at or after it (one pass from the end):
    /// searching afresh from every `[` is quadratic on a line of many `[`.
    private static func nextCloses(in scalars: [Unicode.Scalar]) -> [Int?] {
        var closes = [Int?](repeating: nil, count: scalars.count + 1)
        var next: Int?
        for position in scalars.indices.reversed() {
            if scalars[position] == "]" { next = position }
            closes[position] = next
        }
        return closes
    }

    private static func parseShort(_ spec: String) throws(NLUError) -> (String, String?) {
        let parts = spec.split(separator: ":", maxSplits: 1).map(String.init)
        guard let entity = parts.first else {
            throw .invalidTrainingData(location: "entity markup", reason: "missing entity name")
        }
        return (entity, parts.count > 1 ? parts[1] : nil)
    }

    /// The `{"entity": "...", "value": "..."}` form: a flat object of string values.
    private static func parseJSON(_ spec: String) throws(NLUError) -> (String, String?) {
        var fields: [String: String] = [:]
        var rest = Substring(spec)
        while let keyStart = rest.firstIndex(of: "\"") {
            rest = rest[rest.index(after: keyStart)...]
            guard let keyEnd = rest.firstIndex(of: "\"") else { break }
            let key = String(rest[..<keyEnd])
            rest = rest[rest.index(after: keyEnd)...]
            guard let valueStart = rest.firstIndex(of: "\"") else { break }
            rest = rest[rest.index(after: valueStart)...]
            guard let valueEnd = rest.firstIndex(of: "\"") else { break }
            fields[key] = String(rest[..<valueEnd])
            rest = rest[rest.index(after: valueEnd)...]
        }
        guard let entity = fields["entity"] else {
            throw .invalidTrainingData(location: "entity markup", reason: "entity object without an \"entity\" key")
        }
        return (entity, fields["value"])
    }
}
