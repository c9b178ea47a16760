/// Converts UTF-8 byte offsets to Unicode scalar offsets in one forward walk.
/// Offsets must be asked for in non-decreasing order.
struct ScalarOffsetMapper {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var byteOffset = 0
    private var scalarOffset = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func scalarOffset(ofByte target: Int) -> Int {
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
