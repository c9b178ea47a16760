import Foundation

/// The file form of a consistency proof, one canonical JSON line:
///
///     {"type":"consistency","old_size":5,"new_size":12,"proof":["<base64>",…]}
extension ConsistencyProof {
    private struct Document: Codable {
        var type: String
        var oldSize: UInt64
        var newSize: UInt64
        var proof: [String]

        enum CodingKeys: String, CodingKey {
            case type, oldSize = "old_size", newSize = "new_size", proof
        }

        var canonicalLine: [UInt8] {
            var writer = CanonicalJSON()
            writer.beginObject()
            writer.key("type"); writer.string(type)
            writer.key("old_size"); writer.integer(oldSize)
            writer.key("new_size"); writer.integer(newSize)
            writer.key("proof"); writer.strings(proof)
            writer.endObject()
            return writer.bytes
        }
    }

    /// The canonical JSON line, with a final newline.
    public var documentText: String {
        let document = Document(type: "consistency", oldSize: oldSize, newSize: newSize, proof: hashes.map(\.base64))
        return String(decoding: document.canonicalLine, as: UTF8.self) + "\n"
    }

    /// Parses ``documentText`` (a final newline is optional).
    public init(document bytes: [UInt8]) throws(AuditError) {
        let line = bytes.last == 0x0A ? Array(bytes.dropLast()) : bytes
        guard let document = try? JSONDecoder().decode(Document.self, from: Data(line)),
              document.type == "consistency", document.canonicalLine == line
        else { throw .malformedDocument("not a canonical consistency proof line") }
        var hashes = [MerkleHash]()
        for text in document.proof {
            guard let hash = MerkleHash(base64: text) else { throw .invalidHash }
            hashes.append(hash)
        }
        self.init(oldSize: document.oldSize, newSize: document.newSize, hashes: hashes)
    }
}
