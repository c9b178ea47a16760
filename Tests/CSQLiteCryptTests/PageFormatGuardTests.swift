import GRDBSQLite
import CSQLiteCrypt
import Testing

@Suite("Page 1 is refused unless every page has room for nonce and tag")
struct PageFormatGuardTests {
    let scratch = ScratchDirectory()

    @Test("a new database without 40 reserved bytes cannot be written", arguments: [0, 8, 39])
    func pageOneWithTooFewReservedBytesIsRefused(reserve: Int32) throws {
        let db = try EncryptedDatabase(path: scratch.file("noreserve.db"), key: randomKey())
        let c = try Connection(uri: db.uri)
        try c.reserveBytes(reserve)
        expectSQLiteError(SQLITE_IOERR_WRITE_CODE) {
            try c.execute("CREATE TABLE t(secret TEXT); INSERT INTO t VALUES('never in clear')")
        }
        #expect(FileBytes.size(db.path) == 0)
    }

    @Test("a page size other than 4096 cannot be written", arguments: [1_024, 8_192, 65_536])
    func otherPageSizesAreRefused(pageSize: Int) throws {
        let db = try EncryptedDatabase(path: scratch.file("pagesize.db"), key: randomKey())
        let c = try Connection(uri: db.uri)
        try c.reserveBytes(40)
        try c.execute("PRAGMA page_size = \(pageSize)")
        expectSQLiteError(SQLITE_IOERR_WRITE_CODE) { try c.execute("CREATE TABLE t(x)") }
        #expect(FileBytes.size(db.path) == 0)
    }

    @Test("more than 40 reserved bytes is accepted")
    func largerReserveIsAccepted() throws {
        let db = try EncryptedDatabase(path: scratch.file("reserve64.db"), key: randomKey())
        do {
            let c = try Connection(uri: db.uri)
            try c.reserveBytes(64)
            try c.execute("CREATE TABLE t(x); INSERT INTO t VALUES(1)")
        }
        let c = try Connection(uri: db.uri)
        #expect(try c.integer("SELECT x FROM t") == 1)
        #expect(try c.currentReserveBytes() == 64)
    }
}
