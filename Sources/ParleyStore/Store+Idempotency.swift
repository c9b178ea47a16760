import Foundation
import GRDB
import ParleyCrypto

/// What a retry of a customer message with the same idempotency key is
/// answered with: the reply to the first attempt, and a fingerprint of that
/// request so that a different message reusing the key is told apart. Both
/// are sealed under the subject's key, like the turn they belong to, and
/// written in the turn's transaction: the key is on disk exactly when the
/// turn is.
public struct IdempotentReply: Sendable, Hashable {
    /// 1-128 visible ASCII characters, chosen by the channel.
    public var key: String
    /// SHA-256 of the request as the engine defines it (32 bytes).
    public var fingerprint: [UInt8]
    /// The reply, serialised by the engine.
    public var reply: Data

    public init(key: String, fingerprint: [UInt8], reply: Data) {
        self.key = key
        self.fingerprint = fingerprint
        self.reply = reply
    }

    /// How long a key is remembered.
    public static let lifetime: TimeInterval = 24 * 3600
}

extension Store {
    /// The reply stored for `key` in the conversation; nil when none (never
    /// used, older than ``IdempotentReply/lifetime``, or the subject was erased).
    /// The conversation's channel comes with it: a retry is answered only on the channel that sent it.
    public func idempotentReply(conversationID: String, key: String, now: Date) async throws(StoreError) -> (reply: IdempotentReply, channel: String?)? {
        let found = try await read { db -> (sealed: Data, subject: String, channel: String?)? in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT i.sealed, c.subject_id, c.channel FROM idempotency_key i JOIN conversation c ON c.id = i.conversation_id
                WHERE i.conversation_id = ? AND i.key = ? AND i.created_at >= ?
                """), arguments: [conversationID, key, now.addingTimeInterval(-IdempotentReply.lifetime)])
            else { return nil }
            return (row["sealed"], row["subject_id"], row["channel"])
        }
        guard let found else { return nil }
        let subjectKey: SymmetricKey?
        do { subjectKey = try await keyring.key(for: found.subject) } catch { throw Self.map(error) }
        guard let subjectKey else { return nil }
        let opened: [UInt8]
        do { opened = try SealedField.open(found.sealed, key: subjectKey, context: Self.idempotencyContext(conversationID, key)) } catch {
            throw Self.map(error)
        }
        guard opened.count >= 32 else { throw .database("a stored idempotency record is malformed") }
        return (IdempotentReply(key: key, fingerprint: Array(opened.prefix(32)), reply: Data(opened.dropFirst(32))), found.channel)
    }

    /// Inside the turn's transaction; also forgets keys past their lifetime.
    static func insertIdempotentReply(_ reply: IdempotentReply, conversationID: String, key: SymmetricKey, now: Date, _ db: Database) throws {
        guard reply.fingerprint.count == 32 else { throw StoreError.invalid("an idempotency fingerprint must be 32 bytes") }
        try db.run("DELETE FROM idempotency_key WHERE created_at < ?", [now.addingTimeInterval(-IdempotentReply.lifetime)])
        let sealed = try SealedField.seal(reply.fingerprint + Array(reply.reply), key: key, context: idempotencyContext(conversationID, reply.key))
        try db.run(
            "INSERT OR REPLACE INTO idempotency_key (conversation_id, key, sealed, created_at) VALUES (?, ?, ?, ?)",
            [conversationID, reply.key, sealed, now]
        )
    }

    static func idempotencyContext(_ conversationID: String, _ key: String) -> [UInt8] {
        Array("parley.idempotency.v1|\(conversationID)|\(key)".utf8)
    }
}
