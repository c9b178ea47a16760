/// The UTF-8 bytes of one text plus the digit groups found in it, shared by all
/// detectors during one `detect` call. Never stored: the buffer is only valid
/// inside `String.withUTF8`.
struct ScanInput {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Maximal runs of ASCII digits, with how each joins the previous one.
    let digitGroups: [DigitGroup]
    /// Maximal runs of ASCII letters and digits, as (start, end) byte offsets.
    let words: [(start: Int, end: Int)]
    /// Offsets of `:` (URL schemes, IPv6), `@` (email) and `#` (keep rules).
    let colons: [Int]
    let atSigns: [Int]
    let hashes: [Int]

    /// Indexes the text in one pass; detectors then visit only what they need.
    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
        var groups: [DigitGroup] = []
        var words: [(start: Int, end: Int)] = []
        var colons: [Int] = []
        var atSigns: [Int] = []
        var hashes: [Int] = []
        words.reserveCapacity(bytes.count / 5 + 1)
        let count = bytes.count
        var previousGroupEnd = -10
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte.isASCIIAlnum {
                let wordStart = index
                while index < count {
                    let next = bytes[index]
                    if next.isASCIIDigit {
                        let groupStart = index
                        index += 1
                        while index < count, bytes[index].isASCIIDigit { index += 1 }
                        let gap = DigitGroup.classifyGap(bytes, from: previousGroupEnd, to: groupStart)
                        groups.append(DigitGroup(start: groupStart, end: index, gap: gap))
                        previousGroupEnd = index
                    } else if next.isASCIILetter {
                        index += 1
                    } else {
                        break
                    }
                }
                words.append((wordStart, index))
                continue
            }
            switch byte {
            case 0x3A: colons.append(index)
            case 0x40: atSigns.append(index)
            case 0x23: hashes.append(index)
            default: break
            }
            index += 1
        }
        self.digitGroups = groups
        self.words = words
        self.colons = colons
        self.atSigns = atSigns
        self.hashes = hashes
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

