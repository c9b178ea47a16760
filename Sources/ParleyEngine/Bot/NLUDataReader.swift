import Foundation
import ParleyNLU

/// Reads NLU training data: Rasa 3's `nlu:` section, or CSV `text,label`.
public enum NLUDataReader {
    static func read(_ section: YAMLNode) throws(EngineError) -> NLUTrainingData {
        var data = NLUTrainingData()
        for item in try section.sequence() {
            let fields = try item.dictionary(allowed: ["intent", "regex", "lookup", "synonym", "examples", "metadata"])
            guard let examples = fields["examples"] else { throw item.fail("an nlu item needs examples") }
            let lines = try exampleLines(examples)
            if let intent = fields["intent"] {
                let name = try intent.nonEmptyString()
                for line in lines {
                    do {
                        let (text, entities) = try EntityMarkup.parse(line)
                        data.examples.append(LabeledUtterance(text: text, intent: name, entities: entities))
                        // Scalars indexed once: dropping `start` scalars afresh for each entity is quadratic on a long line.
                        let scalars = entities.isEmpty ? [] : Array(text.unicodeScalars)
                        for entity in entities {
                            let surface = String(String.UnicodeScalarView(scalars[entity.start..<entity.end]))
                            if entity.value != surface { data.entityRules.synonyms[entity.value, default: []].append(surface) }
                        }
                    } catch {
                        throw examples.fail("intent '\(name)': \(error.description)")
                    }
                }
            } else if let regex = fields["regex"] {
                let entity = try regex.nonEmptyString()
                data.entityRules.regexes += lines.map { EntityRules.RegexPattern(entity: entity, pattern: $0) }
            } else if let lookup = fields["lookup"] {
                data.entityRules.lookups[try lookup.nonEmptyString(), default: []] += lines
            } else if let synonym = fields["synonym"] {
                data.entityRules.synonyms[try synonym.nonEmptyString(), default: []] += lines
            } else {
                throw item.fail("an nlu item needs one of intent, regex, lookup or synonym")
            }
        }
        return data
    }

    /// The `examples: |` block: one example a line, each starting with `- `.
    private static func exampleLines(_ node: YAMLNode) throws(EngineError) -> [String] {
        var lines: [String] = []
        for raw in try node.string().split(separator: "\n", omittingEmptySubsequences: true) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            guard line.hasPrefix("- ") || line == "-" else { throw node.fail("each example line must start with '- '") }
            let example = line.dropFirst(1).trimmingCharacters(in: .whitespaces)
            guard !example.isEmpty else { throw node.fail("an example is empty") }
            lines.append(example)
        }
        guard !lines.isEmpty else { throw node.fail("no examples") }
        return lines
    }

    /// CSV with a `text` column and a label column named `label`, `intent` or `category`.
    static func readCSV(_ url: URL) throws(EngineError) -> NLUTrainingData {
        do { return NLUTrainingData(examples: try IntentCSV.read(from: url)) } catch {
            if case let .invalidTrainingData(location, reason) = error {
                // "path:line" when the reader knows the line; a path may hold ':' too, so only a trailing number is one.
                let parts = location.split(separator: ":")
                throw .configuration(file: url.path, line: parts.count > 1 ? parts.last.flatMap { Int($0) } : nil, key: nil, reason: reason)
            }
            throw .configuration(file: url.path, line: nil, key: nil, reason: error.description)
        }
    }

    /// Labelled examples from a CSV or Rasa YAML NLU file (for `parley test nlu`).
    public static func examples(in url: URL) throws(EngineError) -> [LabeledUtterance] {
        if url.pathExtension.lowercased() == "csv" { return try readCSV(url).examples }
        var data = NLUTrainingData()
        for (key, value) in try YAMLNode.load(url).mapping(allowed: ["version", "nlu", "rules", "stories"]) where key == "nlu" {
            data.merge(try read(value))
        }
        return data.examples
    }
}
