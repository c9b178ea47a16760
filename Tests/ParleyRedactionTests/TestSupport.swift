import ParleyRedaction

/// A deterministic stand-in for the keyed BLAKE2b hasher: FNV-1a over type and
/// value, eight hex digits. Tests only.
struct FakeHasher: PIIHasher {
    func digest(_ value: String, type: PIIEntityType) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in (type.rawValue + ":" + value).utf8 {
            hash = (hash ^ UInt32(byte)) &* 16_777_619
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

enum Fixture {
    static let redactor: Redactor = {
        do {
            return try Redactor()
        } catch {
            preconditionFailure("the default policy must be valid")
        }
    }()

    /// The substrings detected as `type` in `text`.
    static func found(_ text: String, _ type: PIIEntityType) -> [String] {
        redactor.detect(text).filter { $0.type == type }.map { String(text[$0.range]) }
    }

    /// The types detected anywhere in `text`.
    static func types(_ text: String) -> [PIIEntityType] {
        redactor.detect(text).map(\.type)
    }
}
