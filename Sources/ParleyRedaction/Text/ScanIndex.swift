/// The lists `ScanInput` offers, built in one pass over the bytes.
final class ScanIndex {
    let digitGroups: [DigitGroup]
    let words: [TextWord]
    let colons: [Int]
    let atSigns: [Int]
    let hashes: [Int]
    /// True when every byte is ASCII (byte offsets are then scalar offsets).
    let isASCII: Bool

    init(bytes: UnsafeBufferPointer<UInt8>) {
        var groups: [DigitGroup] = []
        var colons: [Int] = []
        var atSigns: [Int] = []
        var hashes: [Int] = []
        let count = bytes.count
        var previousGroupEnd = -10
        // The bitwise or of every byte outside words (words are ASCII).
        var outsideWords: UInt8 = 0
        // A word is at least one byte and words are apart, so `(count + 1) / 2`
        // bounds their number: written in place, with no capacity check per word.
        self.words = [TextWord](unsafeUninitializedCapacity: (count + 1) / 2) { buffer, initialized in
            guard let base = buffer.baseAddress, let text = bytes.baseAddress else { return }
            var produced = 0
            var index = 0
            while index < count {
                let byte = text[index]
                if byte.isASCIIAlnum {
                    let wordStart = index
                    while index < count {
                        let next = text[index]
                        if next.isASCIILetter {
                            index += 1
                        } else if next.isASCIIDigit {
                            let groupStart = index
                            index += 1
                            while index < count, text[index].isASCIIDigit { index += 1 }
                            let gap = DigitGroup.classifyGap(bytes, from: previousGroupEnd, to: groupStart)
                            if groups.isEmpty { groups.reserveCapacity(8) }
                            groups.append(DigitGroup(start: groupStart, end: index, gap: gap))
                            previousGroupEnd = index
                        } else {
                            break
                        }
                    }
                    (base + produced).initialize(to: TextWord(start: wordStart, end: index))
                    produced += 1
                    continue
                }
                outsideWords |= byte
                switch byte {
                case 0x3A: colons.append(index)
                case 0x40: atSigns.append(index)
                case 0x23: hashes.append(index)
                default: break
                }
                index += 1
            }
            initialized = produced
        }
        self.digitGroups = groups
        self.colons = colons
        self.atSigns = atSigns
        self.hashes = hashes
        self.isASCII = outsideWords < 0x80
    }
}
