import Yams

/// A strict reader over a parsed YAML file that remembers where every value
/// came from, so a mistake is reported as `file:line: key 'a.b': reason`.
/// Unknown and duplicate keys are errors: a typo never silently falls back to
/// a default.
struct YAMLNode {
    let node: Node
    let file: String
    /// Dotted path of this value from the document root (`server.port`, `rules[2].when`).
    let path: String

    /// Parses `text`; an empty document is an empty mapping. Scalars are read
    /// as text and interpreted by the readers here, so the parser resolves no
    /// implicit tags: no YAML 1.1 guesses (`no` as false), and no regular
    /// expression run over every scalar.
    static func parse(_ text: String, file: String) throws(EngineError) -> YAMLNode {
        do {
            let root = try Yams.compose(yaml: text, .basic) ?? Node.mapping(Node.Mapping([]))
            return YAMLNode(node: root, file: file, path: "")
        } catch let error as YamlError {
            throw Self.describe(error, file: file)
        } catch {
            throw .configuration(file: file, line: nil, key: nil, reason: "not valid YAML")
        }
    }

    var line: Int? { node.mark?.line }

    func fail(_ reason: String) -> EngineError {
        .configuration(file: file, line: line, key: path.isEmpty ? nil : path, reason: reason)
    }

    /// The entries of a mapping, in file order; rejects keys outside `allowed` (when given) and duplicates.
    func mapping(allowed: Set<String>? = nil) throws(EngineError) -> [(key: String, value: YAMLNode)] {
        guard case let .mapping(mapping) = node else { throw fail("expected a mapping (key: value lines)") }
        var seen: Set<String> = []
        var entries: [(String, YAMLNode)] = []
        for (keyNode, valueNode) in mapping {
            guard case let .scalar(scalar) = keyNode else {
                throw YAMLNode(node: keyNode, file: file, path: path).fail("keys must be plain strings")
            }
            let key = scalar.string
            let child = YAMLNode(node: valueNode, file: file, path: path.isEmpty ? key : "\(path).\(key)")
            if let allowed, !allowed.contains(key) {
                throw YAMLNode(node: keyNode, file: file, path: child.path)
                    .fail("unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
            guard seen.insert(key).inserted else {
                throw YAMLNode(node: keyNode, file: file, path: child.path).fail("duplicate key")
            }
            entries.append((key, child))
        }
        return entries
    }

    /// A mapping as a dictionary (after the same checks).
    func dictionary(allowed: Set<String>? = nil) throws(EngineError) -> [String: YAMLNode] {
        Dictionary(uniqueKeysWithValues: try mapping(allowed: allowed).map { ($0.key, $0.value) })
    }

    func sequence() throws(EngineError) -> [YAMLNode] {
        guard case let .sequence(sequence) = node else { throw fail("expected a list") }
        return sequence.enumerated().map { YAMLNode(node: $1, file: file, path: "\(path)[\($0)]") }
    }

    /// A plain `~`, `null` or empty scalar (YAML's null; a quoted `'null'` is a string).
    var isNull: Bool { node.null != nil }

    func string() throws(EngineError) -> String {
        guard case let .scalar(scalar) = node else { throw fail("expected a single value") }
        return scalar.string
    }

    func nonEmptyString() throws(EngineError) -> String {
        let value = try string().trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { throw fail("must not be empty") }
        return value
    }

    func int(in range: ClosedRange<Int>? = nil) throws(EngineError) -> Int {
        guard let value = Int(try string()) else { throw fail("expected a whole number") }
        if let range, !range.contains(value) { throw fail("must be between \(range.lowerBound) and \(range.upperBound)") }
        return value
    }

    func double(in range: ClosedRange<Double>? = nil) throws(EngineError) -> Double {
        guard let value = Double(try string()), value.isFinite else { throw fail("expected a number") }
        if let range, !range.contains(value) { throw fail("must be between \(range.lowerBound) and \(range.upperBound)") }
        return value
    }

    func bool() throws(EngineError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail("expected true or false")
        }
    }

    /// A list of strings; a single string is accepted as a one-element list.
    func strings() throws(EngineError) -> [String] {
        if case .scalar = node { return [try nonEmptyString()] }
        var values: [String] = []
        for item in try sequence() { values.append(try item.nonEmptyString()) }
        return values
    }

    private static func describe(_ error: YamlError, file: String) -> EngineError {
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .configuration(file: file, line: mark.line, key: nil, reason: "invalid YAML: \(problem)")
        case let .reader(problem, _, _, _):
            return .configuration(file: file, line: nil, key: nil, reason: "unreadable YAML: \(problem)")
        default:
            return .configuration(file: file, line: nil, key: nil, reason: "invalid YAML")
        }
    }
}

import Foundation

extension YAMLNode {
    /// Reads and parses a file; a missing or unreadable file is an error naming it.
    static func load(_ url: URL) throws(EngineError) -> YAMLNode {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .configuration(file: url.path, line: nil, key: nil, reason: "cannot be read (missing, unreadable or not UTF-8)")
        }
        return try parse(text, file: url.path)
    }
}
