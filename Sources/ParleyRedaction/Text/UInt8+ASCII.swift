/// Byte classification for the hand-written UTF-8 scanners. Only ASCII bytes are
/// classified; every byte ≥ 0x80 (part of a multi-byte scalar) is "other".
extension UInt8 {
    @inline(__always) var isASCIIDigit: Bool { self &- 0x30 < 10 }
    @inline(__always) var isASCIIUpper: Bool { self &- 0x41 < 26 }
    @inline(__always) var isASCIILower: Bool { self &- 0x61 < 26 }
    @inline(__always) var isASCIILetter: Bool { (self | 0x20) &- 0x61 < 26 }
    @inline(__always) var isASCIIAlnum: Bool { isASCIIDigit || isASCIILetter }
    @inline(__always) var isHexDigit: Bool { isASCIIDigit || (self | 0x20) &- 0x61 < 6 }
    @inline(__always) var asciiLowercased: UInt8 { isASCIIUpper ? self | 0x20 : self }
    @inline(__always) var asciiUppercased: UInt8 { isASCIILower ? self & 0xDF : self }
    @inline(__always) var isASCIISpace: Bool { self == 0x20 || self == 0x09 || self == 0x0A || self == 0x0D }
    /// True for bytes that start a Unicode scalar (not UTF-8 continuation bytes).
    @inline(__always) var isScalarStart: Bool { self & 0xC0 != 0x80 }
    @inline(__always) var digitValue: Int { Int(self &- 0x30) }
}
