/// Byte-level words for street names: ASCII letters and any non-ASCII bytes
/// (accented letters), with inner apostrophes and hyphens.
enum StreetWord {
    static func end(_ input: ScanInput, from start: Int) -> Int? {
        guard isLetterByte(input.byte(at: start)) else { return nil }
        var position = start + 1
        while position < input.count {
            let byte = input[position]
            if isLetterByte(byte) {
                position += 1
            } else if byte == 0x27 || byte == 0x2D, isLetterByte(input.byte(at: position + 1)) {
                position += 1
            } else {
                break
            }
        }
        return position - start <= 40 ? position : nil
    }

    @inline(__always) static func isLetterByte(_ byte: UInt8) -> Bool {
        byte.isASCIILetter || byte >= 0x80
    }

    static func isCapitalised(_ input: ScanInput, _ start: Int) -> Bool {
        let byte = input.byte(at: start)
        if byte < 0x80 { return byte.isASCIIUpper }
        return input.scalar(at: start)?.scalar.properties.isUppercase ?? false
    }
}
