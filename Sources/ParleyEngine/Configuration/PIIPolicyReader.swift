import Foundation
import ParleyRedaction
import Yams

/// Reads `policies/pii.yml` into the redaction policy; a missing file means
/// the built-in default policy. Errors name the file, the line and the key.
public enum PIIPolicyReader {
    public static func load(_ url: URL) throws(EngineError) -> RedactionPolicy {
        guard FileManager.default.fileExists(atPath: url.path) else { return .default }
        let root = try YAMLNode.load(url)
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw .configuration(file: url.path, line: nil, key: nil, reason: "cannot be read")
        }
        do {
            do {
                return try YAMLDecoder().decode(RedactionPolicy.self, from: text)
            } catch let error as DecodingError {
                // Yams wraps errors thrown by the policy's own decoding.
                throw Self.underlying(error) ?? error
            }
        } catch let error as RedactionError {
            switch error {
            case let .unknownPolicyKey(path):
                throw .configuration(file: url.path, line: root.find(path)?.line, key: path, reason: "unknown key")
            case let .invalidPolicyValue(path, reason):
                throw .configuration(file: url.path, line: root.find(path)?.line, key: path, reason: reason)
            default:
                throw .configuration(file: url.path, line: nil, key: nil, reason: error.description)
            }
        } catch {
            throw .configuration(file: url.path, line: nil, key: nil, reason: "not a valid redaction policy")
        }
    }
}

extension PIIPolicyReader {
    private static func underlying(_ error: DecodingError) -> (any Error)? {
        switch error {
        case let .dataCorrupted(context), let .keyNotFound(_, context), let .typeMismatch(_, context), let .valueNotFound(_, context):
            context.underlyingError
        @unknown default:
            nil
        }
    }
}

extension YAMLNode {
    /// The value at a dotted path such as `entities.EMAIL.operator` or `keep[2].prefix`.
    func find(_ path: String) -> YAMLNode? {
        if self.path == path { return self }
        let children: [YAMLNode]
        if let entries = try? mapping() {
            children = entries.map(\.value)
        } else if let items = try? sequence() {
            children = items
        } else {
            return nil
        }
        for child in children where path == child.path || path.hasPrefix(child.path + ".") || path.hasPrefix(child.path + "[") {
            if let found = child.find(path) { return found }
        }
        return nil
    }
}
