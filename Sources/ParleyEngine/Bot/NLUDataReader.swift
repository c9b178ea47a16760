import ParleyNLU

/// Reads NLU training data: Rasa 3's `nlu:` section, or CSV `text,label`.
enum NLUDataReader {
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
                        for entity in entities where entity.value != String(text.unicodeScalars.dropFirst(entity.start).prefix(entity.end - entity.start)) {
                            data.entityRules.synonyms[entity.value, default: []].append(
                                String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(entity.start).prefix(entity.end - entity.start)))
                            )
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
    static func readCSV(_ table: CSVTable) throws(EngineError) -> NLUTrainingData {
        guard let label = ["label", "intent", "category"].first(where: table.header.contains) else {
            throw .configuration(file: table.file, line: 1, key: nil, reason: "expected columns text and label (or intent, category)")
        }
        try table.require(["text"])
        var data = NLUTrainingData()
        for row in table.rows {
            guard let text = row["text"], let intent = row[label] else {
                throw .configuration(file: table.file, line: row.line, key: nil, reason: "empty text or label")
            }
            data.examples.append(LabeledUtterance(text: text, intent: intent))
        }
        return data
    }
}
