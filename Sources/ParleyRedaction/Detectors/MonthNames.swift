/// Month names and their usual abbreviations in English, German, French,
/// Spanish, Italian, Portuguese and Dutch, matched at word starts ignoring ASCII
/// case (accented letters as written: `märz`, `février`, `março`). A final class
/// of immutable tables, so holders copy one reference.
final class MonthNames: Sendable {
    /// Names that are also ordinary words ("may", "march", "mars", "mai"): a date
    /// needs more than the name and a day after it, unless the name is capitalised.
    private static let ordinaryWords: Set<String> = ["may", "march", "mar", "jan", "mars", "mai", "mei", "sept", "dec", "aug"]

    private static let names: [(String, Int)] = {
        let months: [[String]] = [
            ["january", "jan", "januar", "jänner", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari"],
            ["february", "feb", "februar", "février", "fevrier", "févr", "fevr", "febrero", "febbraio", "fevereiro", "fev", "februari"],
            ["march", "mar", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt"],
            ["april", "apr", "avril", "avr", "abril", "abr", "aprile"],
            ["may", "mai", "mayo", "maggio", "mag", "maio", "mei"],
            ["june", "jun", "juni", "juin", "junio", "giugno", "giu", "junho"],
            ["july", "jul", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
            ["august", "aug", "août", "aout", "agosto", "ago", "augustus"],
            ["september", "sep", "sept", "septembre", "septiembre", "setiembre", "settembre", "set", "setembro"],
            ["october", "oct", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"],
            ["november", "nov", "novembre", "noviembre", "novembro"],
            ["december", "dec", "dezember", "dez", "décembre", "decembre", "déc", "diciembre", "dic", "dicembre", "dezembro"],
        ]
        var result: [(String, Int)] = []
        for (index, words) in months.enumerated() {
            for word in words { result.append((word, index + 1)) }
        }
        return result
    }()

    /// Abbreviations that are also common words in some language ("set", "out",
    /// "gen", "mag", "ago"): they count only with a day and a year around them.
    private static let weakAbbreviations: Set<String> = ["set", "out", "gen", "mag", "ago", "ott", "lug", "giu", "ene", "fev", "mrt", "dic"]

    struct Match {
        let month: Int
        let end: Int
        /// An ordinary word too ("may", "march"): alone with a day it needs a capital.
        let ordinary: Bool
        /// A short form that is a common word elsewhere ("set", "out"): needs a year.
        let weak: Bool
    }

    private let words: FlatWords
    private let months: [Int]
    private let ordinary: [Bool]
    private let weak: [Bool]
    private let index: LetterPairIndex

    init() {
        let bytes = Self.names.map { Array($0.0.utf8) }
        self.words = FlatWords(bytes)
        self.months = Self.names.map(\.1)
        self.ordinary = Self.names.map { Self.ordinaryWords.contains($0.0) }
        self.weak = Self.names.map { Self.weakAbbreviations.contains($0.0) }
        self.index = LetterPairIndex(words: bytes)
    }

    /// The month name starting at `start` (a word start), with a following
    /// abbreviation dot included in `end`.
    func match(_ input: ScanInput, at start: Int) -> Match? {
        let first = input.byte(at: start)
        guard first.isASCIILetter, input.isWordStart(start), input.byte(at: start - 1) < 0x80 else { return nil }
        let asciiEnd = input.letterRunEnd(from: start)
        // Only a word with an accented letter ("märz") needs the longer scan.
        let end = input.byte(at: asciiEnd) < 0x80 ? asciiEnd : StreetWord.end(input, from: start) ?? start
        let length = end - start
        guard length >= 3, length <= 10,
              index.mayContain(first: first, second: input.byte(at: start + 1), length: length)
        else { return nil }
        guard let position = index.first(first: first, second: input.byte(at: start + 1), length: length, where: { position in
            words.matchesIgnoringCase(position, input, at: start)
        }) else { return nil }
        let dotted = input.byte(at: end) == 0x2E && !input.byte(at: end + 1).isASCIIAlnum
        return Match(month: months[position], end: dotted ? end + 1 : end, ordinary: ordinary[position], weak: weak[position])
    }
}
