extension ScanInput {
    /// Decodes the scalar starting at byte `index`; returns nil for invalid UTF-8.
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int)? {
        let lead = byte(at: index)
        guard index < count else { return nil }
        if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= count else { return nil }
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// The start of the scalar that ends at byte `index` (exclusive).
    func previousScalarStart(before index: Int) -> Int {
        var position = index - 1
        while position > 0, !bytes[position].isScalarStart { position -= 1 }
        return position
    }
}
