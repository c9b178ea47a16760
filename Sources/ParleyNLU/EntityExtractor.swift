import Foundation

/// Finds entities with the bot's regular expressions, lookup tables and the
/// built-in extractors, then maps values through the synonyms. Patterns are
/// compiled once, when the extractor is built.
public struct EntityExtractor: Sendable {
    private struct CompiledPattern: @unchecked Sendable {
        // NSRegularExpression is immutable and documented thread-safe for matching.
        let entity: String
        let expression: NSRegularExpression
    }

    private let patterns: [CompiledPattern]
    /// Lookup phrases by their first word, longest first within each word.
    private let lookups: [String: [(entity: String, phrase: [String])]]
    /// The phrases' lengths in words, longest first.
    private let lookupLengths: [Int]
    private let synonyms: [String: String]
    private let builtins: BuiltinEntities
    private let tokenizer = Tokenizer()

    public init(rules: EntityRules) throws(NLUError) {
        var compiled: [CompiledPattern] = []
        for regex in rules.regexes {
            do {
                compiled.append(CompiledPattern(entity: regex.entity, expression: try NSRegularExpression(pattern: regex.pattern)))
            } catch {
                throw .invalidPattern(entity: regex.entity, reason: "it does not compile")
            }
        }
        patterns = compiled
        var phrases: [(String, [String])] = []
        for (entity, values) in rules.lookups.sorted(by: { $0.key < $1.key }) {
            for value in values {
                let words = Tokenizer().tokenize(value).map(\.text)
                if !words.isEmpty { phrases.append((entity, words)) }
            }
        }
        // Longest phrases first, so "credit card" wins over "card".
        lookups = Dictionary(grouping: phrases.sorted { $0.1.count > $1.1.count }, by: { $0.1[0] })
            .mapValues { $0.map { (entity: $0.0, phrase: $0.1) } }
        lookupLengths = Set(phrases.map(\.1.count)).sorted(by: >)
        var map: [String: String] = [:]
        for (canonical, variants) in rules.synonyms {
            for variant in variants { map[variant.lowercased()] = canonical }
        }
        synonyms = map
        let unknown = Set(rules.builtins).subtracting(EntityRules.knownBuiltins)
        guard unknown.isEmpty else {
            throw .invalidTrainingData(location: "entity rules", reason: "unknown built-in extractor '\(unknown.sorted()[0])'")
        }
        builtins = BuiltinEntities(enabled: Set(rules.builtins))
    }

    /// Entities in `text`, ordered by position, without overlaps (regexes
    /// first, then lookups, then built-ins; an earlier finding wins).
    /// The built-in entities only (no regexes, look-ups or synonyms).
    func builtinEntities(in text: String, referenceDate: Date) -> [Entity] {
        builtins.extract(from: text, offsets: ScalarOffsets(text), referenceDate: referenceDate)
    }

    public func extract(from text: String, referenceDate: Date = Date()) -> [Entity] {
        let offsets = ScalarOffsets(text)
        var found: [Entity] = []
        if !patterns.isEmpty {
            let ns = text as NSString
            let whole = NSRange(location: 0, length: ns.length)
            for pattern in patterns {
                for match in pattern.expression.matches(in: text, range: whole) where match.range.length > 0 {
                    let valueRange = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound
                        ? match.range(at: 1) : match.range
                    found.append(Entity(
                        entity: pattern.entity, value: canonical(ns.substring(with: valueRange)),
                        start: offsets.scalarOffset(utf16: match.range.location),
                        end: offsets.scalarOffset(utf16: match.range.location + match.range.length),
                        extractor: "regex"
                    ))
                }
            }
        }
        found.append(contentsOf: lookupMatches(in: text))
        found.append(contentsOf: builtins.extract(from: text, offsets: offsets, referenceDate: referenceDate))

        return Self.withoutOverlaps(found, scalarCount: offsets.scalarCount)
    }

    /// Keeps each entity that overlaps none kept before it, in one pass: a
    /// position taken is marked, and every extractor's own matches are
    /// disjoint, so the marking costs at most (extractors × text length).
    static func withoutOverlaps(_ found: [Entity], scalarCount: Int) -> [Entity] {
        var taken = [Bool](repeating: false, count: scalarCount + 1)
        var kept: [Entity] = []
        for entity in found {
            let range = max(entity.start, 0)..<min(max(entity.end, entity.start), scalarCount)
            guard !taken[range].contains(true) else { continue }
            for position in range { taken[position] = true }
            kept.append(entity)
        }
        return kept.sorted { $0.start < $1.start }
    }

    /// Phrases on word boundaries, longest phrases first (so "credit card"
    /// wins over "card"), left to right within a length. Only the phrases
    /// starting with a position's word are tried there, so the cost grows
    /// with the text times the number of distinct phrase lengths, not with
    /// text × table.
    private func lookupMatches(in text: String) -> [Entity] {
        guard !lookups.isEmpty else { return [] }
        let tokens = tokenizer.tokenize(text)
        let scalars = Array(text.unicodeScalars)
        var used = [Bool](repeating: false, count: tokens.count)
        var found: [Entity] = []
        for length in lookupLengths where length <= tokens.count {
            for start in 0...(tokens.count - length) {
                let range = start..<(start + length)
                guard let candidates = lookups[tokens[start].text], !used[range].contains(true),
                      let (entity, _) = candidates.first(where: { _, phrase in
                          phrase.count == length && zip(tokens[range], phrase).allSatisfy { $0.text == $1 }
                      })
                else { continue }
                for index in range { used[index] = true }
                let first = tokens[range.lowerBound].start
                let last = tokens[range.upperBound - 1].end
                let surface = String(String.UnicodeScalarView(scalars[first..<last]))
                found.append(Entity(entity: entity, value: canonical(surface), start: first, end: last, extractor: "lookup"))
            }
        }
        return found
    }

    private func canonical(_ value: String) -> String {
        synonyms[value.lowercased()] ?? value
    }
}

/// Maps UTF-16 offsets (NSRegularExpression's) to Unicode scalar offsets.
/// ASCII text needs no table: both offsets are the same.
struct ScalarOffsets {
    private let scalarAtUTF16: [Int]?
    /// The text's length in Unicode scalars.
    let scalarCount: Int

    init(_ text: String) {
        guard !text.utf8.allSatisfy({ $0 < 0x80 }) else {
            scalarAtUTF16 = nil
            scalarCount = text.utf8.count
            return
        }
        var table: [Int] = []
        table.reserveCapacity(text.utf16.count + 1)
        for (scalarIndex, scalar) in text.unicodeScalars.enumerated() {
            for _ in 0..<UTF16.width(scalar) { table.append(scalarIndex) }
        }
        table.append(text.unicodeScalars.count)
        scalarAtUTF16 = table
        scalarCount = text.unicodeScalars.count
    }

    func scalarOffset(utf16 offset: Int) -> Int {
        guard let table = scalarAtUTF16 else { return max(offset, 0) }
        return table[min(max(offset, 0), table.count - 1)]
    }
}
