/// The line types of an export bundle (a receipt reuses its checkpoint and
/// entry lines), as decoded from JSON and as written canonically. Field order
/// is fixed; see `parley-audit-format(5)`.
enum BundleLines {
    static let format = "parley-audit-bundle"
    static let version: UInt64 = 1
    /// The type of the lines that carry exported entries.
    static let entryType = "entry"
    /// The type of the lines of an empty bundle that carry the entries around the period.
    static let neighbourType = "neighbour"

    struct Header: Codable, Equatable {
        var type: String
        var format: String
        var version: UInt64
        var origin: String
        var key: String
        var periodFrom: String
        var periodTo: String
        var firstSeq: UInt64
        var lastSeq: UInt64
        var treeSize: UInt64
        var root: String
        var signature: String

        enum CodingKeys: String, CodingKey {
            case type, format, version, origin, key
            case periodFrom = "period_from", periodTo = "period_to"
            case firstSeq = "first_seq", lastSeq = "last_seq", treeSize = "tree_size"
            case root, signature
        }

        var canonicalLine: [UInt8] {
            var writer = CanonicalJSON()
            writer.beginObject()
            writer.key("type"); writer.string(type)
            writer.key("format"); writer.string(format)
            writer.key("version"); writer.integer(version)
            writer.key("origin"); writer.string(origin)
            writer.key("key"); writer.string(key)
            writer.key("period_from"); writer.string(periodFrom)
            writer.key("period_to"); writer.string(periodTo)
            writer.key("first_seq"); writer.integer(firstSeq)
            writer.key("last_seq"); writer.integer(lastSeq)
            writer.key("tree_size"); writer.integer(treeSize)
            writer.key("root"); writer.string(root)
            writer.key("signature"); writer.string(signature)
            writer.endObject()
            return writer.bytes
        }
    }

    struct CheckpointLine: Codable, Equatable {
        var type: String
        var note: String

        var canonicalLine: [UInt8] {
            var writer = CanonicalJSON()
            writer.beginObject()
            writer.key("type"); writer.string(type)
            writer.key("note"); writer.string(note)
            writer.endObject()
            return writer.bytes
        }
    }

    struct EntryLine: Codable {
        var type: String
        var leafIndex: UInt64
        var entry: AuditEntry
        var proof: [String]

        enum CodingKeys: String, CodingKey {
            case type, leafIndex = "leaf_index", entry, proof
        }

        var canonicalLine: [UInt8] {
            var writer = CanonicalJSON()
            writer.beginObject()
            writer.key("type"); writer.string(type)
            writer.key("leaf_index"); writer.integer(leafIndex)
            writer.key("entry"); entry.write(to: &writer)
            writer.key("proof"); writer.strings(proof)
            writer.endObject()
            return writer.bytes
        }
    }
}
