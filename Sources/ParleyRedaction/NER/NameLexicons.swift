/// The name, place and word lists of `Sources/CParleyLexicon/Data` (derived
/// from public packages, see NOTICE.md there) as one open-addressing table from
/// a word's `WordHash` to what it is. Built once per process (`builtIn`, an
/// immutable value) straight from the embedded bytes; a lookup is one index and
/// one or two probes.
final class NameLexicons: Sendable {
    struct Kind: OptionSet, Sendable, Hashable {
        let rawValue: UInt8
        static let givenName = Kind(rawValue: 1)
        static let surname = Kind(rawValue: 2)
        static let place = Kind(rawValue: 4)
        /// An ordinary lowercase English word ("will", "grant", "order").
        static let common = Kind(rawValue: 8)
    }

    /// The lists shipped with the redactor, decoded on first use: what the tagger reads at run time.
    static let builtIn = NameLexicons(lists: [
        (ShippedData.wordList(.givenNames), .givenName), (ShippedData.wordList(.surnames), .surname),
        (ShippedData.wordList(.places), .place), (ShippedData.wordList(.morePlaces), .place),
        (ShippedData.wordList(.commonWords), .common),
    ])

    /// The lists the tagger is trained with: `builtIn` without the towns,
    /// exonyms and other languages' country names of more-places.txt. Trained
    /// with them too, it scored lower on the development sets (ner-dev
    /// LOCATION recall 0.710 -> 0.678, PERSON precision 0.755 -> 0.708) than
    /// these weights reading them only at run time; and the shipped weights
    /// stay what ner-train reproduces.
    static let training = NameLexicons(lists: [
        (ShippedData.wordList(.givenNames), .givenName), (ShippedData.wordList(.surnames), .surname),
        (ShippedData.wordList(.places), .place), (ShippedData.wordList(.commonWords), .common),
    ])

    private let table: WordHashTable
    /// Whole place entries only ("london", "new york", "frankfurt am main"), not
    /// the words filed from inside them: what a gazetteer match must hit.
    private let placeEntries: WordHashTable
    /// The first words of the multi-word place entries ("new" of "new york"):
    /// a run of words whose first word is not one matches no multi-word entry.
    private let placeEntryStarts: WordHashTable

    /// `lists` and the kind each gives. Multi-word entries ("new york") are
    /// filed under each word's hash too (`place` for places, words of three
    /// characters or more), so "New" counts as the start of a place name.
    init(lists: [(WordList, Kind)]) {
        // Room for every entry and every word of a multi-word place (the
        // shipped places have 7,107 such entries of 17,001 words).
        let entries = lists.reduce(0) { $0 + $1.0.count }
        var table = WordHashTable(capacityFor: entries + entries / 4)
        var placeEntries = WordHashTable(capacityFor: lists.reduce(0) { $0 + ($1.1 == .place ? $1.0.count : 0) })
        var placeEntryStarts = WordHashTable(capacityFor: lists.reduce(0) { $0 + ($1.1 == .place ? $1.0.count : 0) })
        var valid = true
        for (list, kind) in lists {
            valid = list.forEach { entry in
                let hash = WordHash.lowercased(entry, 0, entry.count)
                table.insert(hash, kind.rawValue)
                if kind == .place {
                    placeEntries.insert(hash, Kind.place.rawValue)
                    if let space = entry.firstIndex(of: 0x20) {
                        placeEntryStarts.insert(WordHash.lowercased(entry, 0, space), Kind.place.rawValue)
                    }
                    Self.fileWords(of: entry, in: &table)
                }
            } && valid
        }
        precondition(valid, "a word list does not decode; regenerate it with derive-lexicons.py")
        self.table = table
        self.placeEntries = placeEntries
        self.placeEntryStarts = placeEntryStarts
    }

    /// Files each space-separated word of more than two characters of a
    /// multi-word entry as `place`.
    private static func fileWords(of entry: UnsafeBufferPointer<UInt8>, in table: inout WordHashTable) {
        guard entry.contains(0x20) else { return }
        var start = 0
        for end in 0...entry.count where end == entry.count || entry[end] == 0x20 {
            defer { start = end + 1 }
            guard end - start > 2 else { continue }  // two bytes are at most two characters
            let word = UnsafeBufferPointer(rebasing: entry[start..<end])
            if word.contains(where: { $0 >= 0x80 }), String(decoding: word, as: UTF8.self).count <= 2 { continue }
            table.insert(WordHash.lowercased(word, 0, word.count), Kind.place.rawValue)
        }
    }

    /// What the word with hash `hash` is; empty when it is in no list.
    @inline(__always) func kind(of hash: UInt64) -> Kind {
        Kind(rawValue: table.flags(of: hash))
    }

    /// True when `hash` is the hash of a whole entry of the place list (one word
    /// or several, joined by single spaces), not only of a word inside one.
    @inline(__always) func isPlaceEntry(_ hash: UInt64) -> Bool { placeEntries.contains(hash) }

    /// True when some multi-word place entry starts with the word of hash
    /// `hash` (a necessary condition for a run of words that starts with it to
    /// be one).
    @inline(__always) func startsPlaceEntry(_ hash: UInt64) -> Bool { placeEntryStarts.contains(hash) }

    /// The kind of a lowercase word (for tests and the training generator).
    func kind(of word: String) -> Kind { kind(of: WordHash.of(word)) }
}
