/// Finds the business identifiers protected by the policy's keep rules, in one
/// pass over the text.
struct KeepRuleMatcher: Sendable {
    private struct Compiled: Sendable {
        let prefix: [UInt8]
        let caseSensitive: Bool
        let tail: KeepRule.Tail
        /// Prefixes that start with a letter or digit must start a word.
        let needsWordStart: Bool
    }

    private let rules: [Compiled]
    /// Rules whose prefix starts with a letter or digit: tried at word starts.
    private let wordRules: [Int]
    /// Rules whose prefix starts with a symbol (`#`): tried where that byte occurs.
    private let symbolRules: [Int]
    /// The distinct first bytes of `symbolRules`.
    private let symbolBytes: [UInt8]
    /// Per byte, the word rules that can start with it (both cases when
    /// insensitive), as ranges into `wordRulesByFirstByte`.
    private let wordRuleRanges: [Range<Int32>]
    private let wordRulesByFirstByte: [Int32]
    /// Per entry of `wordRulesByFirstByte`, the length the word must have: a
    /// prefix with a symbol ("ORD-") ends the word there, so exactly its
    /// alphanumeric lead; an all-alphanumeric prefix, at least its length
    /// (stored negated).
    private let wordLengths: [Int32]

    init(rules: [KeepRule]) {
        var compiled: [Compiled] = []
        for rule in rules {
            let raw = Array(rule.prefix.utf8)
            guard let first = raw.first else { continue }
            let prefix = rule.caseSensitive ? raw : raw.map(\.asciiLowercased)
            compiled.append(Compiled(prefix: prefix, caseSensitive: rule.caseSensitive, tail: rule.followedBy,
                                     needsWordStart: first.isASCIIAlnum))
        }
        self.rules = compiled
        self.wordRules = compiled.indices.filter { compiled[$0].needsWordStart }
        self.symbolRules = compiled.indices.filter { !compiled[$0].needsWordStart }
        self.symbolBytes = Array(Set(symbolRules.map { compiled[$0].prefix[0] })).sorted()
        var byFirstByte = [[Int32]](repeating: [], count: 256)
        for index in wordRules {
            let first = compiled[index].prefix[0]
            byFirstByte[Int(first)].append(Int32(index))
            if !compiled[index].caseSensitive, first.asciiUppercased != first {
                byFirstByte[Int(first.asciiUppercased)].append(Int32(index))
            }
        }
        var ranges: [Range<Int32>] = []
        var flat: [Int32] = []
        for rules in byFirstByte {
            let start = Int32(flat.count)
            flat.append(contentsOf: rules)
            ranges.append(start..<Int32(flat.count))
        }
        self.wordRuleRanges = ranges
        self.wordRulesByFirstByte = flat
        self.wordLengths = flat.map { index in
            let prefix = compiled[Int(index)].prefix
            let lead = prefix.prefix { $0.isASCIIAlnum }.count
            return lead == prefix.count ? -Int32(lead) : Int32(lead)
        }
    }

    var isEmpty: Bool { rules.isEmpty }

    /// Protected byte ranges, sorted and non-overlapping.
    func protectedRanges(in input: ScanInput) -> [Range<Int>] {
        guard !rules.isEmpty else { return [] }
        var ranges: [Range<Int>] = []
        if !wordRules.isEmpty {
            for word in input.words {
                let candidates = wordRuleRanges[Int(input[word.start])]
                guard !candidates.isEmpty else { continue }
                if let last = ranges.last, last.upperBound > word.start { continue }
                let length = Int32(word.end - word.start)
                for position in candidates {
                    let wanted = wordLengths[Int(position)]
                    guard wanted == length || (wanted < 0 && length >= -wanted) else { continue }
                    if let end = match(rules[Int(wordRulesByFirstByte[Int(position)])], at: word.start, in: input) {
                        ranges.append(word.start..<end)
                        break
                    }
                }
            }
        }
        if !symbolRules.isEmpty {
            var symbolRanges: [Range<Int>] = []
            var resumeAt = 0
            func tryRules(at index: Int) {
                guard index >= resumeAt else { return }
                for ruleIndex in symbolRules {
                    if let end = match(rules[ruleIndex], at: index, in: input) {
                        symbolRanges.append(index..<end)
                        resumeAt = end
                        return
                    }
                }
            }
            if symbolBytes == [0x23] {
                for index in input.hashes { tryRules(at: index) }  // the usual case: only "#" rules
            } else {
                for index in 0..<input.count where symbolBytes.contains(input[index]) { tryRules(at: index) }
            }
            if !symbolRanges.isEmpty { ranges = Self.merge(ranges, symbolRanges) }
        }
        return ranges
    }

    /// Merges two sorted lists of ranges into one sorted, non-overlapping list.
    private static func merge(_ first: [Range<Int>], _ second: [Range<Int>]) -> [Range<Int>] {
        let all = (first + second).sorted { $0.lowerBound < $1.lowerBound }
        var merged: [Range<Int>] = []
        for range in all {
            if let last = merged.last, last.upperBound >= range.lowerBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                merged.append(range)
            }
        }
        return merged
    }

    private func match(_ rule: Compiled, at index: Int, in input: ScanInput) -> Int? {
        if rule.needsWordStart, !input.isWordStart(index) { return nil }
        guard index + rule.prefix.count <= input.count else { return nil }
        for offset in 0..<rule.prefix.count {
            let byte = input[index + offset]
            if (rule.caseSensitive ? byte : byte.asciiLowercased) != rule.prefix[offset] { return nil }
        }
        var end = index + rule.prefix.count
        let tailStart = end
        switch rule.tail {
        case .digits:
            while end < input.count, input[end].isASCIIDigit { end += 1 }
        case .alphanumeric:
            while end < input.count, input[end].isASCIIAlnum || input[end] == 0x2D || input[end] == 0x5F
                || input[end] == 0x2F
            {
                end += 1
            }
            while end > tailStart, !input[end - 1].isASCIIAlnum { end -= 1 }
        }
        return end > tailStart ? end : nil
    }
}
