/// The lists `ScanInput` offers, built in one pass over the bytes.
final class ScanIndex {
    let digitGroups: [DigitGroup]
    let words: [TextWord]
    let colons: [Int]
    let atSigns: [Int]
    let hashes: [Int]

    init(bytes: UnsafeBufferPointer<UInt8>) {
        var groups: [DigitGroup] = []
        var colons: [Int] = []
        var atSigns: [Int] = []
        var hashes: [Int] = []
        let count = bytes.count
        var previousGroupEnd = -10
        var words: [TextWord] = []
        words.reserveCapacity(count / 4 + 2)
        var index = 0
        while index < count {
            let byte = bytes[index]
            if byte.isASCIIAlnum {
                let wordStart = index
                while index < count {
                    let next = bytes[index]
                    if next.isASCIILetter {
                        index += 1
                    } else if next.isASCIIDigit {
                        let groupStart = index
                        index += 1
                        while index < count, bytes[index].isASCIIDigit { index += 1 }
                        let gap = DigitGroup.classifyGap(bytes, from: previousGroupEnd, to: groupStart)
                        if groups.isEmpty { groups.reserveCapacity(8) }
                        groups.append(DigitGroup(start: groupStart, end: index, gap: gap))
                        previousGroupEnd = index
                    } else {
                        break
                    }
                }
                words.append(TextWord(start: wordStart, end: index))
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
        self.words = words
        self.digitGroups = groups
        self.colons = colons
        self.atSigns = atSigns
        self.hashes = hashes
    }

}
