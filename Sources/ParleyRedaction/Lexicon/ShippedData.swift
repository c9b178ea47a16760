import CParleyLexicon

/// The data files compiled into the module by `CParleyLexicon` (#embed): the
/// name, place and word lists, and the tagger's weights. Static memory, so a
/// list is read in place, never copied.
enum ShippedData {
    enum List: CaseIterable {
        /// `morePlaces`: towns, exonyms and country names the tagger reads at
        /// run time but is not trained with (`NameLexicons.training`).
        case givenNames, surnames, places, morePlaces, commonWords

        fileprivate var blob: parley_blob_id {
            switch self {
            case .givenNames: PARLEY_GIVEN_NAMES
            case .surnames: PARLEY_SURNAMES
            case .places: PARLEY_PLACES
            case .morePlaces: PARLEY_MORE_PLACES
            case .commonWords: PARLEY_COMMON_WORDS
            }
        }
    }

    /// A shipped list; a list that does not decode is a broken build, not bad input.
    static func wordList(_ list: List) -> WordList {
        guard let decoded = WordList(bytes(list.blob)) else {
            preconditionFailure("a shipped word list does not decode; regenerate it with derive-lexicons.py")
        }
        return decoded
    }

    /// The entries of a shipped list, in order.
    static func strings(_ list: List) -> [String] {
        guard let strings = wordList(list).strings else {
            preconditionFailure("a shipped word list does not decode; regenerate it with derive-lexicons.py")
        }
        return strings
    }

    /// The serialised tagger weights (`PerceptronWeights.serialise`), as ner-train wrote them.
    static var nerWeights: UnsafeBufferPointer<UInt8> { bytes(PARLEY_NER_WEIGHTS) }

    private static func bytes(_ blob: parley_blob_id) -> UnsafeBufferPointer<UInt8> {
        let found = parley_lexicon_blob(blob)
        return UnsafeBufferPointer(start: found.bytes, count: found.count)
    }
}
