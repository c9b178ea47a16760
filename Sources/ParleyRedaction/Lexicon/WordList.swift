/// A shipped word list (`Sources/CParleyLexicon/Data/*.txt`, embedded at build time):
/// lowercase entries in sorted order, front-coded as text. The first line is
/// `#parley-words 1 COUNT`; then one line an entry: one character giving how
/// many leading bytes it shares with the entry before (`0` + n, n ≤ 78), and
/// the bytes that follow them. `packaging/redaction/derive-lexicons.py` writes
/// the files; sorted names share long prefixes, so this is about half the size
/// of plain lines.
struct WordList {
    /// The header's entry count.
    let count: Int
    /// Bytes that outlive the list (the shipped lists are static memory).
    private let bytes: UnsafeBufferPointer<UInt8>
    private let bodyStart: Int

    static let maximumPrefix = 78
    /// The longest entry, in bytes.
    static let maximumLength = 512
    private static let magic = Array("#parley-words 1 ".utf8)

    /// Nil when `bytes` are not a word list or an entry does not decode.
    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count > Self.magic.count, bytes.prefix(Self.magic.count).elementsEqual(Self.magic) else { return nil }
        var index = Self.magic.count
        var count = 0
        while index < bytes.count, bytes[index].isASCIIDigit {
            count = count * 10 + Int(bytes[index] - 0x30)
            index += 1
        }
        guard index < bytes.count, bytes[index] == 0x0A else { return nil }
        self.count = count
        self.bytes = bytes
        self.bodyStart = index + 1
    }

    /// Calls `body` with each entry's UTF-8 bytes, in order (the buffer is
    /// valid only during the call). False when a line does not decode or the
    /// entries are not as many as the header says (`body` has then seen the
    /// entries before the fault).
    func forEach(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        decode(body) == count
    }

    /// The entries as strings, in order; nil when the list does not decode.
    var strings: [String]? {
        var result: [String] = []
        result.reserveCapacity(count)
        return forEach { result.append(String(decoding: $0, as: UTF8.self)) } ? result : nil
    }

    /// Decodes every entry; the number decoded, or -1 at the first malformed line.
    private func decode(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Int {
        var current = [UInt8](repeating: 0, count: Self.maximumLength)
        let source = bytes
        return current.withUnsafeMutableBufferPointer { entry in
            var length = 0
            var decoded = 0
            var index = bodyStart
            while index < source.count {
                let shared = Int(source[index]) - 0x30
                guard shared >= 0, shared <= Self.maximumPrefix, shared <= length else { return -1 }
                length = shared
                index += 1
                while index < source.count, source[index] != 0x0A {
                    guard length < entry.count else { return -1 }
                    entry[length] = source[index]
                    length += 1
                    index += 1
                }
                guard index < source.count, length > 0 else { return -1 }  // every line ends with a newline
                index += 1
                body(UnsafeBufferPointer(rebasing: entry[0..<length]))
                decoded += 1
            }
            return decoded
        }
    }
}
