import ArgumentParser
import Foundation
import GRDB
import ParleyCrypto
@testable import ParleyCLI
@testable import ParleyStore
import Testing

/// Backup, restore, rotation and encryption of an existing database at the
/// sizes operators have, not test sizes: the backup path once failed past
/// ~2 MB (pages spilled before page 1 of the new file, issue 11), and every
/// earlier test stayed below that. A database of over 50 MB is built here in
/// bulk (SQL inside SQLite, through the encrypting VFS); a second set runs
/// the same commands with a 10-page cache (`storage.page_cache_kib: 40`), so
/// that small databases take the spill path too.
@Suite("Backup, restore, rotation and encryption at real sizes", .serialized)
struct LargeDatabaseTests {
    private struct Installation {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cli-large-\(UUID().uuidString)")
        var pageCacheKiB: Int?

        var config: URL { root.appendingPathComponent("parley.yml") }
        var paths: [String] {
            var paths = ["--data-dir", root.appendingPathComponent("data").path, "--keys-dir", root.appendingPathComponent("keys").path]
            if pageCacheKiB != nil { paths += ["--config", config.path] }
            return paths
        }
        var database: String { root.appendingPathComponent("data/\(StoreLocation.databaseFileName)").path }

        init(pageCacheKiB: Int? = nil) throws {
            self.pageCacheKiB = pageCacheKiB
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            if let pageCacheKiB {
                try "version: 1\nstorage:\n  page_cache_kib: \(pageCacheKiB)\n".write(to: config, atomically: true, encoding: .utf8)
            }
        }

        func run<Command: AsyncParsableCommand>(_ arguments: [String], as _: Command.Type) async throws {
            var command = try #require(try Parley.parseAsRoot(arguments + paths) as? Command)
            try await command.run()
        }

        func withData<T>(_ body: (OpenedData) async throws -> T) async throws -> T {
            let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
            let data = try CommandContext(global).open()
            let result = try await body(data)
            try data.store.close()
            return result
        }

        /// Adds `rows` CRM customers with incompressible names in one
        /// transaction, as a large `crm import` does.
        func bulkCustomers(_ rows: Int, tag: String) async throws {
            try await withData { data in
                try await data.store.database.write { db in
                    try db.execute(sql: """
                        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
                        INSERT INTO crm_customer(id, name, email, tier)
                        SELECT ? || '-' || i, 'Name ' || hex(randomblob(40)), 'c' || i || '@example.com', 'standard' FROM n
                        """, arguments: [rows, tag])
                }
            }
        }

        func say(_ text: String, in conversation: String) async throws {
            try await withData { data in
                try await data.store.commit(TurnCommit(
                    conversationID: conversation, customerID: nil, channel: "test", status: .bot, tracker: Data("{}".utf8),
                    messages: [.init(role: .customer, text: text)], handoff: nil, now: Date()
                ))
            }
        }

        func text(of conversation: String) async throws -> String? {
            try await withData { data in try await data.store.transcript(conversation)?.1.first?.text }
        }

        /// Row count and a content digest of the CRM, to compare a copy with its original.
        func fingerprint() async throws -> [Int64] {
            try await withData { data in
                try await data.store.database.read { db in
                    try Row.fetchOne(db, sql: """
                        SELECT count(*), sum(length(name)), sum(unicode(substr(name, 6 + abs(CAST(substr(id, 6) AS INTEGER)) % 70, 1)) * (CAST(substr(id, 6) AS INTEGER) % 1009)),
                               sum(unicode(substr(name, 40, 1)))
                        FROM crm_customer
                        """).map { row in (0..<4).map { row[$0] as Int64 } } ?? []
                }
            }
        }

        func verifyEverything() async throws {
            try await withData { data in
                try await data.store.verifyIntegrity()
                #expect(try await data.audit.verifyStoredLog().verified)
            }
        }

        /// The installation's current database key, for checks outside a command.
        func withKey(_ body: (SymmetricKey) throws -> Void) throws {
            let global = try #require(try Parley.parseAsRoot(["keys", "status"] + paths) as? KeysStatus).global
            let context = try CommandContext(global)
            let keys = try context.bootstrap.keys(createIfFresh: false)
            try body(keys.databaseKey)
        }

        func size(_ path: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
        }
    }

    private static let fiftyMegabytes = 50 * 1024 * 1024
    /// ~410,000 customers of ~130 bytes each: just over 50 MB with indices.
    private static let bulkRows = 410_000

    @Test func aFiftyMegabyteDatabaseIsBackedUpVerifiedAndRestored() async throws {
        let installation = try Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        try await installation.say("sealed before the backup", in: "before")
        try await installation.bulkCustomers(Self.bulkRows, tag: "BULK")
        #expect(installation.size(installation.database) + installation.size(installation.database + "-wal") > Self.fiftyMegabytes)
        let original = try await installation.fingerprint()

        let backup = installation.root.appendingPathComponent("nightly.bak").path
        try await installation.run(["backup", "--out", backup], as: Backup.self)
        #expect(installation.size(backup) > Self.fiftyMegabytes)
        var pages: UInt64 = 0
        try installation.withKey { key in
            try Store.verify(path: backup, key: key)
            try DatabaseEncryption.register(key: key, for: backup)
            pages = try DatabaseEncryption.checkEveryPage(backup)
        }
        #expect(Int(pages) * 4096 == installation.size(backup))

        try await installation.say("written after the backup", in: "after")
        try await installation.run(["restore", backup], as: Restore.self)
        #expect(try await installation.fingerprint() == original)
        #expect(try await installation.text(of: "before") == "sealed before the backup")
        #expect(try await installation.text(of: "after") == nil)
        try await installation.verifyEverything()
    }

    @Test func aFiftyMegabyteDatabaseIsRotatedToANewKey() async throws {
        let installation = try Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        try await installation.say("sealed before the rotation", in: "rotated")
        try await installation.bulkCustomers(Self.bulkRows, tag: "BULK")
        let original = try await installation.fingerprint()
        let oldKeyID = try await installation.withData { $0.keys.keyID }

        try await installation.run(["keys", "rotate"], as: KeysRotate.self)
        #expect(try await installation.withData { $0.keys.keyID } != oldKeyID)
        #expect(try await installation.fingerprint() == original)
        #expect(try await installation.text(of: "rotated") == "sealed before the rotation")
        #expect(!FileManager.default.fileExists(atPath: installation.database + ".rotating"))
        try await installation.verifyEverything()
    }

    @Test func aFiftyMegabytePlainDatabaseIsEncryptedInPlace() async throws {
        let installation = try Installation()
        defer { try? FileManager.default.removeItem(at: installation.root) }
        try await installation.bulkCustomers(Self.bulkRows, tag: "BULK")
        let original = try await installation.fingerprint()

        // An earlier, unencrypted Parley's database: the same content in clear.
        let plain = installation.root.appendingPathComponent("plain.db").path
        try await installation.withData { data in
            try await data.store.database.writeWithoutTransaction { db in
                try db.execute(sql: "VACUUM INTO ?", arguments: ["file:\(plain)?vfs=unix"])
            }
        }
        #expect(DatabaseEncryption.isPlainSQLite(plain))
        for suffix in ["", "-wal", "-shm"] { try FileSync.removeIfPresent(installation.database + suffix) }
        try FileSync.replace(installation.database, with: plain)

        try await installation.run(["keys", "encrypt-existing"], as: KeysEncryptExisting.self)
        #expect(!DatabaseEncryption.isPlainSQLite(installation.database))
        #expect(!FileManager.default.fileExists(atPath: installation.database + ".plain"))
        #expect(try await installation.fingerprint() == original)
        try await installation.verifyEverything()
    }

    @Test func withATenPageCacheBackupRestoreAndRotationWorkOnASmallDatabase() async throws {
        let installation = try Installation(pageCacheKiB: 40)
        defer { try? FileManager.default.removeItem(at: installation.root) }
        try await installation.say("sealed with a tiny cache", in: "tiny")
        try await installation.bulkCustomers(8_000, tag: "SMALL")   // ~1 MB: below the default cache
        let original = try await installation.fingerprint()

        let backup = installation.root.appendingPathComponent("tiny.bak").path
        try await installation.run(["backup", "--out", backup], as: Backup.self)
        try await installation.run(["keys", "rotate"], as: KeysRotate.self)
        #expect(try await installation.fingerprint() == original)

        let oldKeyID = try #require(try FileManager.default.contentsOfDirectory(atPath: installation.root.appendingPathComponent("keys/retired").path)
            .first { $0.hasSuffix(".key") })
        try await installation.bulkCustomers(10, tag: "LATER")
        try await installation.run(["restore", backup, "--master-key", installation.root.appendingPathComponent("keys/retired/\(oldKeyID)").path], as: Restore.self)
        #expect(try await installation.fingerprint() == original)
        #expect(try await installation.text(of: "tiny") == "sealed with a tiny cache")
        try await installation.verifyEverything()
    }
}

