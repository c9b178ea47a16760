import Foundation

/// The checks shared by every line that carries an entry and its inclusion
/// proof (bundle entry and neighbour lines, a receipt's entry line): the
/// canonical spelling and members, the line type, the expected sequence
/// number, leaf index = sequence − 1, canonical proof hashes, and the proof
/// from the entry's re-derived leaf hash to the checkpoint root.
enum ProvenLine {
    enum Failure: Error {
        /// Not a canonical line of this type holding a valid entry, or a proof hash that is not 32 bytes of canonical base64.
        case malformed(String)
        /// The entry's sequence number is not the one expected here.
        case sequence(found: UInt64)
        /// The line's leaf index is not the sequence number minus one.
        case leafIndex(UInt64)
        /// The proof does not lead from the entry to the checkpoint root.
        case proof(String)
    }

    static func decode(_ bytes: ArraySlice<UInt8>) -> BundleLines.EntryLine? {
        try? JSONDecoder().decode(BundleLines.EntryLine.self, from: Data(bytes))
    }

    /// Checks `bytes` (decoded as `line`, nil when it did not decode) and returns its entry.
    static func check(
        _ bytes: ArraySlice<UInt8>, decoded line: BundleLines.EntryLine?, type: String,
        expectedSequence expected: UInt64, checkpoint: Checkpoint
    ) -> Result<AuditEntry, Failure> {
        guard let line, line.type == type else {
            return .failure(.malformed("not a valid \(type) line" + JSONLinesFile.crHint(bytes)))
        }
        guard JSONLinesFile.isExactly(bytes, line.canonicalLine) else {
            return .failure(.malformed("not in canonical form (spacing, member order, escapes or duplicate members)"))
        }
        guard line.entry.sequence == expected else { return .failure(.sequence(found: line.entry.sequence)) }
        guard line.leafIndex == expected - 1 else { return .failure(.leafIndex(line.leafIndex)) }
        var hashes = [MerkleHash]()
        for text in line.proof {
            guard let hash = MerkleHash(base64: text) else {
                return .failure(.malformed("proof hash \(hashes.count + 1) is not canonical base64 of 32 bytes"))
            }
            hashes.append(hash)
        }
        let proof = InclusionProof(leafIndex: line.leafIndex, treeSize: checkpoint.size, hashes: hashes)
        do {
            try proof.verify(leafHash: line.entry.leafHash, root: checkpoint.root)
        } catch {
            return .failure(.proof("the entry is not in the checkpointed log as written: \(error)"))
        }
        return .success(line.entry)
    }
}

/// A JSON Lines file split into its lines.
enum JSONLinesFile {
    /// The lines without their newlines (the empty piece after a final newline dropped),
    /// and whether the file ends with a newline.
    static func split(_ bytes: [UInt8]) -> (lines: [ArraySlice<UInt8>], terminated: Bool) {
        var lines = [ArraySlice<UInt8>]()
        var start = 0
        bytes.withUnsafeBufferPointer { buffer in
            for index in 0..<buffer.count where buffer[index] == 0x0A {
                lines.append(bytes[start..<index])
                start = index + 1
            }
        }
        let terminated = bytes.last == 0x0A
        if !terminated { lines.append(bytes[start...]) }
        return (lines, terminated)
    }

    /// Whether `line` is exactly `canonical` (a byte comparison, as fast in debug builds as in release).
    static func isExactly(_ line: ArraySlice<UInt8>, _ canonical: [UInt8]) -> Bool {
        guard line.count == canonical.count else { return false }
        guard !canonical.isEmpty else { return true }
        return canonical.withUnsafeBufferPointer { expected in
            line.withUnsafeBufferPointer { actual in memcmp(expected.baseAddress!, actual.baseAddress!, canonical.count) == 0 }
        }
    }

    /// A hint for files whose line ends were converted to CR LF in transit.
    static func crHint(_ line: ArraySlice<UInt8>) -> String {
        line.last == 0x0D ? " (the line ends with CR: convert CR LF line ends back to LF)" : ""
    }
}
