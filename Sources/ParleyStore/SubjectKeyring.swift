import Foundation
import GRDB
import ParleyCrypto
import Synchronization

/// Per-subject data keys: random 32-byte keys, stored wrapped under the
/// wrapping key in the keyring database, unwrapped on demand and cached in
/// secure memory. Shredding deletes the wrapped key (secure_delete, then a
/// truncating WAL checkpoint), after which that subject's sealed data cannot
/// be decrypted anywhere, in backups of the main database included.
///
/// A shredded subject is remembered for the life of the process, so a key
/// read from the database just before the shred deleted it cannot be cached
/// again afterwards by a lookup that was in flight; a shred by another
/// process empties the cache (see ``key(for:)``).
final class SubjectKeyring: Sendable {
    private struct Cache {
        var keys: [String: SymmetricKey] = [:]
        var shredded: Set<String> = []
        /// The keyring's `PRAGMA data_version` when `keys` was last known good, and when that was checked.
        var dataVersion: Int?
        var checkedAt: ContinuousClock.Instant?
    }

    /// How long a cached key is trusted before the keyring is asked whether
    /// another process changed it (that read costs 70-130 µs here; a lookup from
    /// the cache, 0.1-0.25 µs).
    private static let recheckInterval: Duration = .seconds(1)

    private let database: any DatabaseWriter
    private let wrappingKey: SymmetricKey
    private let cache = Mutex(Cache())
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
    ///
    /// Another process (a command run beside the server) may shred a key this
    /// one has cached: at most once every ``recheckInterval``, SQLite's
    /// data_version, which moves when another connection commits to the
    /// keyring, is read, and the cache emptied when it moved. A shred
    /// elsewhere reaches this process within that interval.
    func key(for subjectID: String) async throws -> SymmetricKey? {
        let now = ContinuousClock.now
        let due = cache.withLock { cache in cache.checkedAt.map { now - $0 >= Self.recheckInterval } ?? true }
        if due {
            let version = try await database.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
            cache.withLock { cache in
                if cache.dataVersion != version {
                    cache.keys.removeAll(keepingCapacity: true)
                    cache.dataVersion = version
                }
                cache.checkedAt = now
            }
        }
        let (shredded, cached) = cache.withLock { ($0.shredded.contains(subjectID), $0.keys[subjectID]) }
        if shredded { return nil }
        if let cached { return cached }
        guard let key = try await storedKey(for: subjectID) else { return nil }
        return adopt(key, for: subjectID)
    }

    /// As if ``recheckInterval`` had passed: the next lookup asks the keyring (tests).
    func expireCacheCheck() {
        cache.withLock { $0.checkedAt = nil }
    }

    /// The subject's key unwrapped from the database, not cached.
    func storedKey(for subjectID: String) async throws -> SymmetricKey? {
        guard let record = try await database.read({ db in try SubjectKeyRecord.fetchOne(db, key: subjectID) }) else {
            return nil
        }
        var raw = try AEAD.open(Array(record.wrappedKey), key: wrappingKey, associatedData: Self.associatedData(subjectID))
        defer { SecureBytes.wipe(&raw) }
        return try SymmetricKey(copying: raw)
    }

    /// Caches a key read from the database and returns it, unless the subject
    /// was shredded since it was read: then nil, and nothing is cached.
    func adopt(_ key: SymmetricKey, for subjectID: String) -> SymmetricKey? {
        cache.withLock { cache in
            guard !cache.shredded.contains(subjectID) else { return nil }
            Self.insert(key, for: subjectID, into: &cache)
            return key
        }
    }

    /// Destroys the subject's key for good. The subject is marked shredded
    /// before its row is deleted, so no lookup can cache the key again.
    func shred(subjectID: String) async throws {
        try await shred(subjectIDs: [subjectID])
    }

    /// Shreds many keys in one transaction and one truncating checkpoint (a
    /// retention run frees thousands of anonymous subjects at a time).
    func shred(subjectIDs: [String]) async throws {
        guard !subjectIDs.isEmpty else { return }
        cache.withLock { cache in
            for subjectID in subjectIDs {
                cache.shredded.insert(subjectID)
                cache.keys.removeValue(forKey: subjectID)
            }
        }
        try await database.write { db in
            for start in stride(from: 0, to: subjectIDs.count, by: 500) {
                let page = Array(subjectIDs[start..<min(start + 500, subjectIDs.count)])
                try db.execute(literal: "DELETE FROM subject_key WHERE subject_id IN \(page)")
            }
        }
        _ = try await database.writeWithoutTransaction { db in
            try db.checkpoint(.truncate)
        }
    }

    /// A fingerprint of the subject's stored key record (the first 8 bytes of
    /// SHA-256 of the wrapped key, hex): names the key in an erasure receipt,
    /// so that a keyring copy can be checked against it, and reveals nothing of it.
    func fingerprint(of subjectID: String) async throws -> String? {
        guard let record = try await database.read({ db in try SubjectKeyRecord.fetchOne(db, key: subjectID) }) else { return nil }
        return Hex.encode(SHA256.hash(Array(record.wrappedKey)).prefix(8))
    }

    /// Of `subjectIDs`, those whose key is still stored.
    func stored(among subjectIDs: [String]) async throws -> [String] {
        guard !subjectIDs.isEmpty else { return [] }
        var found: [String] = []
        for start in stride(from: 0, to: subjectIDs.count, by: 500) {
            let page = Array(subjectIDs[start..<min(start + 500, subjectIDs.count)])
            found += try await database.read { db in
                try SQLRequest<String>(literal: "SELECT subject_id FROM subject_key WHERE subject_id IN \(page)").fetchAll(db)
            }
        }
        return found
    }

    /// Whether the keyring holds any data subject's key (installation keys aside).
    func holdsSubjectKeys() throws -> Bool {
        try database.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM subject_key WHERE subject_id NOT LIKE 'installation:%')") ?? false
        }
    }

    func close() throws {
        if let queue = database as? DatabaseQueue { try queue.close() }
    }

    func databaseID() async throws(StoreError) -> String? {
        do { return try await database.read { db in try DatabaseEncryption.databaseID(db) } } catch { throw Store.map(error) }
    }

    private func remember(_ key: SymmetricKey, for subjectID: String) {
        cache.withLock { cache in Self.insert(key, for: subjectID, into: &cache) }
    }

    private static func insert(_ key: SymmetricKey, for subjectID: String, into cache: inout Cache) {
        if cache.keys.count >= cacheLimit { cache.keys.removeAll(keepingCapacity: true) }
        cache.keys[subjectID] = key
    }

    static func associatedData(_ subjectID: String) -> [UInt8] {
        Array("parley.subject-key.v1|\(subjectID)".utf8)
    }
}
