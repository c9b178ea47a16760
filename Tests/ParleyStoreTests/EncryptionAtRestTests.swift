import Foundation
import GRDB
import ParleyCrypto
@testable import ParleyStore
import Testing

/// A data directory with one conversation per customer, closed so that every
/// page sits in the database file.
private struct Fixture {
    let directory: URL
    let keys: KeyHierarchy
    static let marker = "quaverzinnober"

    static func make(keys: KeyHierarchy? = nil) async throws -> Fixture {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("at-rest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let keys = try keys ?? KeyHierarchy(master: .random())
        let store = try Store(location: .directory(directory), keys: keys)
        for (conversation, customer) in [("conv-a", "C-1"), ("conv-b", "C-2")] {
            for index in 0..<20 {
                try await store.commit(TurnCommit(
                    conversationID: conversation, customerID: customer, channel: "test", status: .bot, tracker: Data("{}".utf8),
                    messages: [.init(role: .customer, text: "message \(index) with \(marker) in \(conversation)")],
                    handoff: nil, now: Date()
                ))
            }
        }
        try store.close()
        return Fixture(directory: directory, keys: keys)
    }

    var database: URL { directory.appendingPathComponent(StoreLocation.databaseFileName) }

    func open(_ keys: KeyHierarchy? = nil) throws -> Store {
        try Store(location: .directory(directory), keys: keys ?? self.keys)
    }
}

@Suite struct EncryptionAtRestTests {
    @Test func whileTheStoreIsOpenItsWALAndSharedMemoryHoldNoMarker() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("at-rest-open-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = try Store(location: .directory(directory), keys: KeyHierarchy(master: .random()))
        for index in 0..<20 {
            try await store.commit(TurnCommit(
                conversationID: "open-a", customerID: "C-1", channel: "test", status: .bot, tracker: Data("{}".utf8),
                messages: [.init(role: .customer, text: "message \(index) with \(Fixture.marker)")], handoff: nil, now: Date()
            ))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(files.contains { $0.hasSuffix("-wal") })
        let needles = [Fixture.marker, "CREATE TABLE", "SQLite format 3"].flatMap { [Data($0.utf8), $0.data(using: .utf16LittleEndian)!] }
        for name in files {
            guard let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(name).path) else { continue }
            for needle in needles { #expect(bytes.range(of: needle) == nil, "\(name) holds a clear value") }
        }
        try store.close()
    }

    @Test func noFileHoldsTheMarkerOrAnyPlainPage() async throws {
        let fixture = try await Fixture.make()
        let needles = [Fixture.marker, "CREATE TABLE", "crm_customer", "SQLite format 3"].flatMap { text in
            [Data(text.utf8), text.data(using: .utf16LittleEndian)!]
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path)
        #expect(files.contains(StoreLocation.databaseFileName))
        for name in files {
            let bytes = try Data(contentsOf: fixture.directory.appendingPathComponent(name))
            for needle in needles { #expect(bytes.range(of: needle) == nil, "\(name) holds a clear value") }
        }
    }

    @Test func plainSQLiteCannotReadTheDatabase() async throws {
        let fixture = try await Fixture.make()
        do {
            let queue = try DatabaseQueue(path: fixture.database.path)
            _ = try await queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") }
            Issue.record("SQLite without the key read the database")
        } catch let error as DatabaseError {
            #expect(error.resultCode == .SQLITE_NOTADB)
        }
    }

    /// The stock command-line program (Debian's sqlite3 package; CI installs it).
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3")))
    func theSQLite3ProgramCannotReadTheDatabase() async throws {
        let fixture = try await Fixture.make()
        let program = Process()
        program.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        program.arguments = ["-readonly", fixture.database.path, ".tables"]
        let output = Pipe()
        program.standardOutput = output
        program.standardError = output
        try program.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        program.waitUntilExit()
        #expect(program.terminationStatus != 0)
        #expect(text.contains("file is not a database"))
        #expect(!text.contains("conversation"))
    }

    @Test func wrongKeyIsAClearAuthenticationErrorOnPageOne() async throws {
        let fixture = try await Fixture.make()
        do {
            _ = try fixture.open(KeyHierarchy(master: .random()))
            Issue.record("a wrong key opened the database")
        } catch let StoreError.authenticationFailed(file, page, kind) {
            #expect(file == fixture.database.path)
            #expect(page == 1)
            #expect(kind == "database")
            #expect(StoreError.authenticationFailed(file: file, page: page, kind: kind).description.contains("authentication failed"))
        }
    }

    @Test func everyFlippedPageIsAnAuthenticationErrorNamingThatPage() async throws {
        let fixture = try await Fixture.make()
        let original = try Data(contentsOf: fixture.database)
        let pages = original.count / 4096
        #expect(pages > 3)
        for page in 1...pages {
            var tampered = original
            tampered[(page - 1) * 4096 + 100 + page % 3000] ^= 0x01
            try tampered.write(to: fixture.database)
            do {
                let store = try fixture.open()
                try await store.verifyIntegrity()
                Issue.record("page \(page) was changed and still read")
            } catch let StoreError.authenticationFailed(file, failedPage, _) {
                #expect(file == fixture.database.path)
                #expect(failedPage == UInt64(page))
            }
        }
        try original.write(to: fixture.database)
        try await fixture.open().verifyIntegrity()
    }

    @Test func shreddedCustomerIsUnreadableInABackupTakenBeforeTheShred() async throws {
        let fixture = try await Fixture.make()
        let store = try fixture.open()
        let backup = fixture.directory.appendingPathComponent("before-shred.bak")
        try await store.backup(to: backup, keys: fixture.keys)
        let subject = try #require(try await store.subjectID(ofCustomer: "C-1"))
        try await store.shred(subjectID: subject)
        try store.close()

        // Restore the backup in place of the live database: C-1's turns stay unreadable, C-2's read.
        let live = fixture.database.path
        try FileManager.default.removeItem(atPath: live)
        try Store.copyDatabase(at: backup.path, key: fixture.keys.databaseKey, to: live, targetKey: fixture.keys.databaseKey)
        let restored = try fixture.open()
        let shredded = try #require(try await restored.transcript("conv-a")).1
        let kept = try #require(try await restored.transcript("conv-b")).1
        #expect(shredded.count == 20)
        #expect(shredded.allSatisfy { $0.text == nil })
        #expect(kept.count == 20)
        #expect(kept.allSatisfy { $0.text?.contains(Fixture.marker) == true })
        for name in try FileManager.default.contentsOfDirectory(atPath: fixture.directory.path) {
            let bytes = try Data(contentsOf: fixture.directory.appendingPathComponent(name))
            #expect(bytes.range(of: Data(Fixture.marker.utf8)) == nil)
        }
    }

    @Test func plainDatabaseIsEncryptedInPlaceAtOpen() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent(StoreLocation.databaseFileName).path
        let plain = try DatabaseQueue(path: path)
        try await plain.write { db in
            try db.execute(sql: "CREATE TABLE legacy (note TEXT)")
            try db.execute(sql: "INSERT INTO legacy VALUES ('\(Fixture.marker)')")
        }
        try plain.close()
        let keys = try KeyHierarchy(master: .random())
        let store = try Store(location: .directory(directory), keys: keys)
        // The row came across, readable through the store's own connection.
        #expect(try await store.database.read { db in try String.fetchAll(db, sql: "SELECT note FROM legacy") } == [Fixture.marker])
        try store.close()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(bytes.range(of: Data(Fixture.marker.utf8)) == nil)
        #expect(bytes.range(of: Data("SQLite format 3".utf8)) == nil)
    }
}
