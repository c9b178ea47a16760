/// Converts UTF-8 byte offsets to Unicode scalar offsets in one forward walk.
/// Offsets must be asked for in non-decreasing order.
struct ScalarOffsetMapper {
    private let bytes: UnsafeBufferPointer<UInt8>
    /// All ASCII: every byte is a scalar, no walk needed.
    private let isASCII: Bool
    private var byteOffset = 0
    private var scalarOffset = 0

    init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool = false) {
        self.bytes = bytes
        self.isASCII = isASCII
    }

    /// A mapper over `input`'s bytes that knows whether they are all ASCII.
    init(input: ScanInput) {
        self.init(bytes: input.bytes, isASCII: input.isASCII)
    }

    mutating func scalarOffset(ofByte target: Int) -> Int {
        if isASCII { return target }
        if target < byteOffset {
            byteOffset = 0
            scalarOffset = 0
        }
        while byteOffset < target {
            if bytes[byteOffset].isScalarStart { scalarOffset += 1 }
            byteOffset += 1
        }
        return scalarOffset
    }
}
