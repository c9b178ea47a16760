/// A string coding key used to decode policies field by field, so that unknown
/// keys and wrongly typed values are reported by their path.
struct PolicyKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { return nil }
}

extension KeyedDecodingContainer where Key == PolicyKey {
    /// Throws `unknownPolicyKey` for the first key not in `allowed`.
    func rejectUnknownKeys(allowed: Set<String>, path: String) throws(RedactionError) {
        for key in allKeys.sorted(by: { $0.stringValue < $1.stringValue })
        where !allowed.contains(key.stringValue) {
            throw .unknownPolicyKey(path: PolicyPath.join(path, key.stringValue))
        }
    }

    /// Decodes an optional field, turning any decoding failure into a
    /// `RedactionError` that names the path and the expected kind of value.
    func field<T: Decodable>(_ type: T.Type, _ name: String, path: String, expected: String) throws -> T? {
        let key = PolicyKey(name)
        guard contains(key) else { return nil }
        do {
            if try decodeNil(forKey: key) { return nil }
            return try decode(T.self, forKey: key)
        } catch let error as RedactionError {
            throw error
        } catch {
            throw RedactionError.invalidPolicyValue(path: PolicyPath.join(path, name), reason: "expected \(expected)")
        }
    }
}

enum PolicyPath {
    static func join(_ base: String, _ key: String) -> String {
        base.isEmpty ? key : base + "." + key
    }
}
