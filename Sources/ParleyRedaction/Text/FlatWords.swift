/// Words stored back to back in one byte array, so comparing against one costs
/// no reference counting (an array of arrays retains the inner array per read).
struct FlatWords: Sendable {
    private let bytes: [UInt8]
    private let starts: [Int32]

    init(_ words: [[UInt8]]) {
        var bytes: [UInt8] = []
        var starts: [Int32] = [0]
        for word in words {
            bytes.append(contentsOf: word)
            starts.append(Int32(bytes.count))
        }
        self.bytes = bytes
        self.starts = starts
    }

    var count: Int { starts.count - 1 }

    @inline(__always) func length(_ word: Int) -> Int { Int(starts[word + 1] - starts[word]) }

    @inline(__always) func byte(_ word: Int, _ offset: Int) -> UInt8 { bytes[Int(starts[word]) + offset] }

    /// True when the text at `index` equals word `word`, ignoring ASCII case
    /// (words are stored lowercase).
    @inline(__always) func matchesIgnoringCase(_ word: Int, _ input: ScanInput, at index: Int) -> Bool {
        let start = Int(starts[word])
        let end = Int(starts[word + 1])
        guard index >= 0, index + end - start <= input.count else { return false }
        var position = index
        for offset in start..<end {
            if input[position].asciiLowercased != bytes[offset] { return false }
            position += 1
        }
        return true
    }

    /// True when the text at `index` equals word `word` byte for byte.
    func matchesExactly(_ word: Int, _ input: ScanInput, at index: Int) -> Bool {
        let start = Int(starts[word])
        let end = Int(starts[word + 1])
        guard index >= 0, index + end - start <= input.count else { return false }
        for offset in start..<end where input[index + offset - start] != bytes[offset] { return false }
        return true
    }
}
