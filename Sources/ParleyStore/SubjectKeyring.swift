import Foundation
import GRDB
import ParleyCrypto
import Synchronization

/// Per-subject data keys: random 32-byte keys, stored wrapped under the
/// wrapping key in the keyring database, unwrapped on demand and cached in
/// secure memory. Shredding deletes the wrapped key (secure_delete, then a
/// truncating WAL checkpoint), after which that subject's sealed data cannot
/// be decrypted anywhere, in backups of the main database included.
final class SubjectKeyring: Sendable {
    private let database: any DatabaseWriter
    private let wrappingKey: SymmetricKey
    private let cache = Mutex<[String: SymmetricKey]>([:])
    private static let cacheLimit = 4096

    init(database: any DatabaseWriter, wrappingKey: SymmetricKey) throws {
        self.database = database
        self.wrappingKey = wrappingKey
        try Migrations.keyring.migrate(database)
    }

    /// Creates and stores a fresh key for a new subject.
    func create(subjectID: String, now: Date) async throws -> SymmetricKey {
        let key = try SymmetricKey.random()
        let wrapped = try key.bytes.withUnsafeBytes { raw in
            try AEAD.seal(raw, key: wrappingKey, associatedData: Self.associatedData(subjectID))
        }
        try await database.write { db in
            try SubjectKeyRecord(subjectID: subjectID, wrappedKey: Data(wrapped), createdAt: now).insert(db)
        }
        remember(key, for: subjectID)
        return key
    }

    /// The subject's key; nil when it was shredded (or never existed).
    func key(for subjectID: String) async throws -> SymmetricKey? {
        if let key = cache.withLock({ $0[subjectID] }) { return key }
        guard let record = try await database.read({ db in try SubjectKeyRecord.fetchOne(db, key: subjectID) }) else {
            return nil
        }
        var raw = try AEAD.open(Array(record.wrappedKey), key: wrappingKey, associatedData: Self.associatedData(subjectID))
        defer { SecureBytes.wipe(&raw) }
        let key = try SymmetricKey(copying: raw)
        remember(key, for: subjectID)
        return key
    }

    /// Destroys the subject's key for good.
    func shred(subjectID: String) async throws {
        cache.withLock { _ = $0.removeValue(forKey: subjectID) }
        try await database.write { db in
            _ = try SubjectKeyRecord.deleteOne(db, key: subjectID)
        }
        _ = try await database.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
    }

    func close() throws {
        if let queue = database as? DatabaseQueue { try queue.close() }
    }

    func databaseID() async throws(StoreError) -> String? {
        do { return try await database.read { db in try DatabaseEncryption.databaseID(db) } } catch { throw Store.map(error) }
    }

    private func remember(_ key: SymmetricKey, for subjectID: String) {
        cache.withLock { cache in
            if cache.count >= Self.cacheLimit { cache.removeAll(keepingCapacity: true) }
            cache[subjectID] = key
        }
    }

    static func associatedData(_ subjectID: String) -> [UInt8] {
        Array("parley.subject-key.v1|\(subjectID)".utf8)
    }
}
