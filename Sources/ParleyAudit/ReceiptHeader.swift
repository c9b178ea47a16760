/// Line 1 of an entry receipt, as decoded from JSON and as written
/// canonically; member order fixed by parley-audit-format(5), ENTRY RECEIPTS.
struct ReceiptHeader: Codable, Equatable {
    static let format = "parley-audit-receipt"
    static let version: UInt64 = 1

    var type: String
    var format: String
    var version: UInt64
    var origin: String
    var key: String
    var leafIndex: UInt64
    var treeSize: UInt64
    var root: String
    var signature: String

    enum CodingKeys: String, CodingKey {
        case type, format, version, origin, key, leafIndex = "leaf_index", treeSize = "tree_size", root, signature
    }

    var canonicalLine: [UInt8] {
        var writer = CanonicalJSON()
        writer.beginObject()
        writer.key("type"); writer.string(type)
        writer.key("format"); writer.string(format)
        writer.key("version"); writer.integer(version)
        writer.key("origin"); writer.string(origin)
        writer.key("key"); writer.string(key)
        writer.key("leaf_index"); writer.integer(leafIndex)
        writer.key("tree_size"); writer.integer(treeSize)
        writer.key("root"); writer.string(root)
        writer.key("signature"); writer.string(signature)
        writer.endObject()
        return writer.bytes
    }
}
