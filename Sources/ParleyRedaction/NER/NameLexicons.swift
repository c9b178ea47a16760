/// The name, place and word lists of `Lexicon/Data` (derived from public
/// packages, see NOTICE.md there) as one open-addressing table from a word's
/// `WordHash` to what it is. Built once per process (`builtIn`, an immutable
/// value) in a few milliseconds; a lookup is one hash and one or two probes.
final class NameLexicons: Sendable {
    struct Kind: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let givenName = Kind(rawValue: 1)
        static let surname = Kind(rawValue: 2)
        static let place = Kind(rawValue: 4)
        /// An ordinary lowercase English word ("will", "grant", "order").
        static let common = Kind(rawValue: 8)
    }

    /// The lists shipped with the redactor.
    static let builtIn = NameLexicons(lists: [
        (GivenNameList.text, .givenName), (SurnameList.text, .surname), (PlaceList.text, .place),
        (CommonWordList.text, .common),
    ])

    private let keys: [UInt64]
    private let kinds: [UInt8]
    private let mask: Int

    /// `lists`: newline-separated lowercase entries and the kind each list gives.
    /// Multi-word entries ("new york") are filed under each word's hash too
    /// (`partOfPlace` for places), so "New" counts as the start of a place name.
    init(lists: [(String, Kind)]) {
        var entries: [UInt64: UInt8] = [:]
        entries.reserveCapacity(200_000)
        for (text, kind) in lists {
            for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
                let words = line.split(separator: " ")
                entries[WordHash.of(String(line)), default: 0] |= kind.rawValue
                if words.count > 1, kind == .place {
                    for word in words where word.count > 2 {
                        entries[WordHash.of(String(word)), default: 0] |= Kind.place.rawValue
                    }
                }
            }
        }
        var capacity = 1
        while capacity < entries.count * 2 { capacity <<= 1 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var kinds = [UInt8](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (key, kind) in entries {
            var slot = Int(truncatingIfNeeded: key) & mask
            while kinds[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            kinds[slot] = kind
        }
        self.keys = keys
        self.kinds = kinds
        self.mask = mask
    }

    /// What the word with hash `hash` is; empty when it is in no list.
    @inline(__always) func kind(of hash: UInt64) -> Kind {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let kind = kinds[slot]
            if kind == 0 { return [] }
            if keys[slot] == hash { return Kind(rawValue: kind) }
            slot = (slot + 1) & mask
        }
    }

    /// The kind of a lowercase word (for tests and the training generator).
    func kind(of word: String) -> Kind { kind(of: WordHash.of(word)) }
}
