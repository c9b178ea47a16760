import Foundation
import ParleyCrypto

/// Field-level encryption under a subject's key, with associated data that
/// binds each sealed value to its place (a turn, a tracker, a note), so a
/// sealed value copied elsewhere does not open.
enum SealedField {
    static func turn(_ conversationID: String, _ seq: Int) -> [UInt8] {
        Array("parley.turn.v1|\(conversationID)|\(seq)".utf8)
    }

    static func tracker(_ conversationID: String) -> [UInt8] {
        Array("parley.tracker.v1|\(conversationID)".utf8)
    }

    static func vault(_ conversationID: String, _ seq: Int, _ type: String) -> [UInt8] {
        Array("parley.vault.v1|\(conversationID)|\(seq)|\(type)".utf8)
    }

    static func note(_ conversationID: String, handoffID: Int64) -> [UInt8] {
        Array("parley.note.v1|\(conversationID)|\(handoffID)".utf8)
    }

    static func seal(_ plaintext: some Collection<UInt8>, key: SymmetricKey, context: [UInt8]) throws -> Data {
        Data(try AEAD.seal(plaintext, key: key, associatedData: context))
    }

    static func open(_ sealed: Data, key: SymmetricKey, context: [UInt8]) throws -> [UInt8] {
        try AEAD.open(sealed, key: key, associatedData: context)
    }

    static func sealString(_ text: String, key: SymmetricKey, context: [UInt8]) throws -> Data {
        try seal(Array(text.utf8), key: key, context: context)
    }

    static func openString(_ sealed: Data, key: SymmetricKey, context: [UInt8]) throws -> String {
        String(decoding: try open(sealed, key: key, context: context), as: UTF8.self)
    }
}
