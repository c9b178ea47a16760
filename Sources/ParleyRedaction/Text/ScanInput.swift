/// The UTF-8 bytes of one text plus the digit groups found in it, shared by all
/// detectors during one `detect` call. Never stored: the buffer is only valid
/// inside `String.withUTF8`.
struct ScanInput {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Held by reference: detectors capture the input in closures, and a copy
    /// then costs one retain instead of one per list.
    private let index: ScanIndex

    /// Maximal runs of ASCII digits, with how each joins the previous one.
    var digitGroups: [DigitGroup] { index.digitGroups }
    /// Maximal runs of ASCII letters and digits, as (start, end) byte offsets.
    var words: [TextWord] { index.words }
    /// Offsets of `:` (URL schemes, IPv6), `@` (email) and `#` (keep rules).
    var colons: [Int] { index.colons }
    var atSigns: [Int] { index.atSigns }
    var hashes: [Int] { index.hashes }
    /// True when the text is all ASCII.
    var isASCII: Bool { index.isASCII }

    /// Indexes the text in one pass; detectors then visit only what they need.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        self.index = ScanIndex(bytes: bytes)
    }

    /// Calls `body` with each ASCII alphanumeric word, left to right.
    @inline(__always) func forEachWord(_ body: (Int, Int) -> Void) {
        for word in words { body(word.start, word.end) }
    }

    var count: Int { bytes.count }

    @inline(__always) subscript(_ index: Int) -> UInt8 { bytes[index] }

    /// The byte at `index`, or 0 outside the text.
    @inline(__always) func byte(at index: Int) -> UInt8 {
        index >= 0 && index < bytes.count ? bytes[index] : 0
    }

    /// True when `index` does not continue an ASCII word that started before it.
    @inline(__always) func isWordStart(_ index: Int) -> Bool {
        !byte(at: index - 1).isASCIIAlnum
    }

    /// True when the word ending before `index` does not continue at `index`.
    @inline(__always) func isWordEnd(_ index: Int) -> Bool {
        !byte(at: index).isASCIIAlnum
    }

    /// Compares the text at `index` with an ASCII literal, ignoring ASCII case.
    /// `literal` must be lowercase.
    func matchesIgnoringCase(_ literal: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + literal.count <= bytes.count else { return false }
        for offset in 0..<literal.count where bytes[index + offset].asciiLowercased != literal[offset] {
            return false
        }
        return true
    }

    /// Compares the text at `index` with an ASCII literal, byte for byte.
    @inline(__always) func matches(_ literal: StaticString, at index: Int) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index >= 0, index + count <= bytes.count else { return false }
        let pointer = literal.utf8Start
        for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
        return true
    }

    /// End of the run of ASCII letters starting at `index`.
    func letterRunEnd(from index: Int) -> Int {
        var end = index
        while end < bytes.count, bytes[end].isASCIILetter { end += 1 }
        return end
    }

    /// Skips spaces and tabs (not newlines) from `index`.
    func skipBlanks(from index: Int) -> Int {
        var position = index
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
        return position
    }

    /// True when the digits at `start` are a price: preceded by `$`, `£`, `€` or
    /// `¥`, optionally with one space between.
    func followsCurrencySymbol(_ start: Int) -> Bool {
        var index = start - 1
        if byte(at: index) == 0x20 { index -= 1 }
        let last = byte(at: index)
        if last == 0x24 { return true }  // $
        if last == 0xA3 || last == 0xA5 { return byte(at: index - 1) == 0xC2 }  // £ ¥
        if last == 0xAC { return byte(at: index - 1) == 0x82 && byte(at: index - 2) == 0xE2 }  // €
        return false
    }
}

