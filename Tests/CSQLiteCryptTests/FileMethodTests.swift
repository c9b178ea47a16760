import GRDBSQLite
import CSQLiteCrypt
import Testing

/// The VFS's io_methods called directly, at granularities SQLite itself does
/// not use: any read returns the same bytes as whole-page reads; writes that
/// would put part of a page on disk in clear are refused.
@Suite("Reads at any granularity agree; partial page writes are refused")
struct FileMethodTests {
    let scratch = ScratchDirectory()

    private func file(_ c: Connection, _ op: Int32) throws -> UnsafeMutablePointer<sqlite3_file> {
        var pointer: UnsafeMutablePointer<sqlite3_file>?
        #expect(sqlite3_file_control(c.handle, "main", op, &pointer) == SQLITE_OK)
        return try #require(pointer)
    }

    private func read(_ file: UnsafeMutablePointer<sqlite3_file>, _ count: Int, at offset: Int) -> (Int32, [UInt8]) {
        var buffer = [UInt8](repeating: 0xAA, count: count)
        let rc = file.pointee.pMethods.pointee.xRead(file, &buffer, Int32(count), sqlite3_int64(offset))
        return (rc, buffer)
    }

    private func write(_ file: UnsafeMutablePointer<sqlite3_file>, _ bytes: [UInt8], at offset: Int) -> Int32 {
        file.pointee.pMethods.pointee.xWrite(file, bytes, Int32(bytes.count), sqlite3_int64(offset))
    }

    private func populated() throws -> (EncryptedDatabase, Connection) {
        let db = try EncryptedDatabase(path: scratch.file("methods.db"), key: randomKey())
        let c = try db.open()
        try c.execute("PRAGMA journal_mode = WAL")
        try c.execute("PRAGMA wal_autocheckpoint = 0")
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        try c.execute("BEGIN")
        for i in 0..<400 { try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text(String(repeating: "\(i)", count: 40))]) }
        try c.execute("COMMIT")
        try c.execute("PRAGMA wal_checkpoint(PASSIVE)")
        try c.execute("UPDATE t SET body = 'again ' || body WHERE id % 7 = 0")
        return (db, c)
    }

    @Test("database file: slices and page-spanning reads equal whole-page reads")
    func databaseReadsAtAnyGranularity() throws {
        let (_, c) = try populated()
        let main = try file(c, SQLITE_FCNTL_FILE_POINTER)
        let (rc, pages) = read(main, 3 * 4_096, at: 0)
        #expect(rc == SQLITE_OK)
        var whole: [UInt8] = []
        for page in 0..<3 {
            let (prc, bytes) = read(main, 4_096, at: page * 4_096)
            #expect(prc == SQLITE_OK)
            whole += bytes
        }
        #expect(pages == whole)
        #expect(Array(whole[0..<16]) == Array("SQLite format 3\0".utf8))
        #expect(whole[4_056..<4_096].allSatisfy { $0 == 0 })   // reserved bytes read as zeros
        for (offset, count) in [(0, 100), (24, 16), (4_000, 200), (4_095, 2), (5_000, 7_000)] {
            let (src, slice) = read(main, count, at: offset)
            #expect(src == SQLITE_OK)
            #expect(slice == Array(whole[offset..<(offset + count)]), "\(count) bytes at \(offset)")
        }
        // past the end: zeros and a short read
        let size = FileBytes.size(scratch.file("methods.db"))
        let (erc, beyond) = read(main, 100, at: size + 10)
        #expect(erc == SQLITE_IOERR_SHORT_READ_CODE)
        #expect(beyond.allSatisfy { $0 == 0 })
    }

    @Test("WAL: header, whole frames, bare content and arbitrary slices agree")
    func walReadsAtAnyGranularity() throws {
        let (db, c) = try populated()
        let wal = try file(c, SQLITE_FCNTL_JOURNAL_POINTER)
        let frames = (FileBytes.size(db.path + "-wal") - 32) / 4_120
        #expect(frames >= 3)
        var contents: [[UInt8]] = []
        for k in 0..<3 {
            let (rc, content) = read(wal, 4_096, at: 32 + k * 4_120 + 24)
            #expect(rc == SQLITE_OK)
            contents.append(content)
            let (frc, frame) = read(wal, 4_120, at: 32 + k * 4_120)
            #expect(frc == SQLITE_OK)
            #expect(Array(frame[24...]) == content)
            #expect(Array(frame[0..<24]) == Array(FileBytes.read(db.path + "-wal")[(32 + k * 4_120)..<(32 + k * 4_120 + 24)]))
        }
        // a read spanning the end of frame 0's content, frame 1's header and the start of its content
        let start = 32 + 24 + 4_000
        let (src, span) = read(wal, 300, at: start)
        #expect(src == SQLITE_OK)
        #expect(Array(span[0..<96]) == Array(contents[0][4_000..<4_096]))
        #expect(Array(span[120..<300]) == Array(contents[1][0..<180]))
        // three whole frames in one read
        let (mrc, many) = read(wal, 3 * 4_120, at: 32)
        #expect(mrc == SQLITE_OK)
        for k in 0..<3 { #expect(Array(many[(k * 4_120 + 24)..<((k + 1) * 4_120)]) == contents[k]) }
    }

    @Test("writes that are not whole sealed pages are refused")
    func partialPageWritesAreRefused() throws {
        let (db, c) = try populated()
        let main = try file(c, SQLITE_FCNTL_FILE_POINTER)
        let wal = try file(c, SQLITE_FCNTL_JOURNAL_POINTER)
        let before = FileBytes.read(db.path)
        let walBefore = FileBytes.read(db.path + "-wal")
        let clear = Array("plaintext that must never reach the disk".utf8)
        #expect(write(main, clear, at: 4_096 + 100) == SQLITE_IOERR_WRITE_CODE)
        #expect(write(main, clear + [UInt8](repeating: 0, count: 4_096 - clear.count), at: 100) == SQLITE_IOERR_WRITE_CODE)
        #expect(write(wal, clear, at: 32 + 24 + 1_000) == SQLITE_IOERR_WRITE_CODE)
        #expect(write(wal, [UInt8](repeating: 1, count: 100), at: 32 + 4_120 - 50) == SQLITE_IOERR_WRITE_CODE)
        // a whole frame content whose reserved bytes are not zero: its WAL
        // checksum could never be recomputed from what reads give back
        let (_, content) = read(wal, 4_096, at: 32 + 24)
        #expect(write(wal, Array(content[0..<4_056]) + [UInt8](repeating: 7, count: 40), at: 32 + 24) == SQLITE_IOERR_WRITE_CODE)
        #expect(FileBytes.read(db.path) == before)
        #expect(FileBytes.read(db.path + "-wal") == walBefore)
        #expect(try c.text("PRAGMA integrity_check") == "ok")
    }
}
