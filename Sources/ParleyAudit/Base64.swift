import Foundation

/// Standard base64 (RFC 4648 §4) with padding, decoded strictly: the text must
/// be exactly what encoding the decoded bytes gives back, so two different
/// texts never mean the same bytes (no whitespace, no non-zero pad bits).
enum Base64 {
    static func encode(_ bytes: some Collection<UInt8>) -> String {
        Data(bytes).base64EncodedString()
    }

    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let string = String(text)
        guard let data = Data(base64Encoded: string), data.base64EncodedString() == string else {
            return nil
        }
        return [UInt8](data)
    }
}
