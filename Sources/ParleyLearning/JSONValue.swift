/// A JSON value, for comparing stored JSON documents field by field, and
/// for passing a stored document through an API response as it is.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case let .bool(value): try container.encode(value)
        case let .number(value): try container.encode(value)
        case let .string(value): try container.encode(value)
        case let .array(value): try container.encode(value)
        case let .object(value): try container.encode(value)
        }
    }

    /// Leaves as dotted paths (`features.word_ngrams[0]`) and their text.
    func flattened(prefix: String = "") -> [String: String] {
        switch self {
        case let .object(fields):
            return fields.reduce(into: [:]) { result, field in
                result.merge(field.value.flattened(prefix: prefix.isEmpty ? field.key : "\(prefix).\(field.key)")) { a, _ in a }
            }
        case let .array(items):
            return items.enumerated().reduce(into: [:]) { result, item in
                result.merge(item.element.flattened(prefix: "\(prefix)[\(item.offset)]")) { a, _ in a }
            }
        case .null: return [prefix: "null"]
        case let .bool(value): return [prefix: String(value)]
        case let .number(value): return [prefix: value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)]
        case let .string(value): return [prefix: value]
        }
    }
}
