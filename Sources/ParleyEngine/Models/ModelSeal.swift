import ParleyCrypto

/// Model files in the data directory are sealed, because a model is learnt
/// from the agents' feedback on customer messages:
///
/// ```
/// "PRLMSEAL" (8) ‖ seal version u8 (1) ‖ nonce (24) ‖ XChaCha20-Poly1305 ciphertext of the model file ‖ tag (16)
/// ```
///
/// under the installation's model key (kept wrapped in the keyring), with the
/// associated data `"PRLMSEAL" ‖ 1 ‖ model version`, so that a file renamed to
/// another version does not open.
enum ModelSeal {
    static let magic = Array("PRLMSEAL".utf8)
    static let version: UInt8 = 1

    static func isSealed(_ bytes: [UInt8]) -> Bool {
        bytes.count > magic.count && Array(bytes.prefix(magic.count)) == magic
    }

    static func seal(_ model: [UInt8], modelVersion: String, key: SymmetricKey) throws(EngineError) -> [UInt8] {
        do {
            return magic + [version] + (try AEAD.seal(model, key: key, associatedData: associatedData(modelVersion)))
        } catch {
            throw .keys("the model file could not be sealed: \(error.description)")
        }
    }

    static func open(_ bytes: [UInt8], modelVersion: String, key: SymmetricKey, path: String) throws(EngineError) -> [UInt8] {
        guard bytes.count > magic.count, bytes[magic.count] == version else {
            throw .modelUnavailable("\(path) is sealed in an unknown format")
        }
        do {
            return try AEAD.open(bytes[(magic.count + 1)...], key: key, associatedData: associatedData(modelVersion))
        } catch {
            throw .modelUnavailable("\(path) does not open with this installation's model key (another installation's, renamed, or damaged)")
        }
    }

    private static func associatedData(_ modelVersion: String) -> [UInt8] {
        magic + [version] + Array(modelVersion.utf8)
    }
}
