import ParleyCrypto

extension AuditEntry {
    /// The domain tag that opens every version-1 canonical encoding.
    public static let canonicalTag = "parley-audit-entry-v1"

    /// The canonical encoding hashed into the Merkle tree (version 1):
    ///
    ///     str(tag) u64(sequence) u64(time ms) str(actor) str(role) str(action)
    ///     u8(0) | u8(1) str(target kind) str(target id)
    ///     str(outcome) u32(detail count) { str(key) str(value) } sorted by key bytes
    ///
    /// where `str(s)` is the UTF-8 byte length of `s` as u32 big-endian followed
    /// by those bytes, and `uN` is an unsigned big-endian integer of N bits.
    public var canonicalBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(160)
        Self.appendString(Self.canonicalTag, to: &out)
        Self.appendUInt64(sequence, to: &out)
        Self.appendUInt64(time.millisecondsSince1970, to: &out)
        Self.appendString(actor.rawValue, to: &out)
        Self.appendString(role.rawValue, to: &out)
        Self.appendString(action, to: &out)
        if let target {
            out.append(1)
            Self.appendString(target.kind, to: &out)
            Self.appendString(target.id, to: &out)
        } else {
            out.append(0)
        }
        Self.appendString(outcome.rawValue, to: &out)
        Self.appendUInt32(UInt32(details.count), to: &out)
        for (key, value) in sortedDetails {
            Self.appendString(key, to: &out)
            Self.appendString(value, to: &out)
        }
        return out
    }

    /// The RFC 9162 leaf hash, SHA-256(0x00 ‖ canonical bytes): what the
    /// store keeps beside the entry and what the tree is built from.
    public var leafHash: MerkleHash {
        MerkleHash.leaf(canonicalBytes)
    }

    private static func appendString(_ text: String, to out: inout [UInt8]) {
        appendUInt32(UInt32(text.utf8.count), to: &out)
        out.append(contentsOf: text.utf8)
    }

    private static func appendUInt32(_ value: UInt32, to out: inout [UInt8]) {
        for shift in stride(from: 24, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt32(shift)))
        }
    }

    private static func appendUInt64(_ value: UInt64, to out: inout [UInt8]) {
        for shift in stride(from: 56, through: 0, by: -8) {
            out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }
}
