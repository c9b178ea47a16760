/// The frames of a WAL file (page size 4096): 32-byte header, then frames of a
/// 24-byte header (page number first, big-endian) and 4096 bytes of content.
struct WALFrame {
    /// 0-based index of the frame in the log.
    let index: Int
    /// Byte offset of the frame header.
    let offset: Int
    let page: UInt64
    let content: ArraySlice<UInt8>

    static func all(in wal: [UInt8]) -> [WALFrame] {
        guard wal.count > 32 else { return [] }
        return (0..<((wal.count - 32) / 4_120)).map { index in
            let offset = 32 + index * 4_120
            return WALFrame(
                index: index, offset: offset,
                page: wal[offset..<(offset + 4)].reduce(UInt64(0)) { $0 << 8 | UInt64($1) },
                content: wal[(offset + 24)..<(offset + 24 + 4_096)]
            )
        }
    }
}
