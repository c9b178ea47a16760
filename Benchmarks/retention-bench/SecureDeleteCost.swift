import CSQLiteCrypt
import CSodium
import Foundation
import GRDBSQLite

/// What zeroing freed pages (`PRAGMA secure_delete`) costs on the deletes an
/// erasure or a retention run does: the same encrypted database, the same
/// rows deleted, secure_delete ON and OFF alternating, medians.
enum SecureDeleteCost {
    struct Result {
        let rows: Int
        let megabytes: Int
        let rounds: Int
        let on: Double
        let off: Double
    }

    static func measure(directory: String, rows: Int = 100_000, rounds: Int = 5) throws -> Result {
        var times: [Bool: [Double]] = [true: [], false: []]
        var bytes = 0
        for round in 0..<(rounds * 2) {
            let secure = round % 2 == 0
            let path = "\(directory)/secure-delete-\(round).db"
            var key = [UInt8](repeating: 0, count: 32)
            randombytes_buf(&key, key.count)
            guard parley_crypt_set_key(path, key) == SQLITE_OK else { throw BenchFailure("cannot register a key") }
            var db: OpaquePointer?
            guard sqlite3_open_v2("file:\(path)?vfs=parley-crypt", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_URI, nil) == SQLITE_OK, let db else {
                throw BenchFailure("cannot open \(path)")
            }
            defer { sqlite3_close_v2(db) }
            try exec(db, "PRAGMA page_size = 4096")
            var reserve: Int32 = 40
            guard sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve) == SQLITE_OK else { throw BenchFailure("reserve failed") }
            try exec(db, "PRAGMA journal_mode = WAL")
            try exec(db, "PRAGMA secure_delete = \(secure ? "ON" : "OFF")")
            try exec(db, "CREATE TABLE turn(id INTEGER PRIMARY KEY, conversation INTEGER, text BLOB)")
            try exec(db, "CREATE INDEX turn_conversation ON turn(conversation)")
            try exec(db, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < \(rows)) INSERT INTO turn(conversation, text) SELECT i % 1000, randomblob(300) FROM n")
            try exec(db, "PRAGMA wal_checkpoint(TRUNCATE)")
            bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
            let start = ContinuousClock.now
            // A fifth of the conversations, in chunks of 200 as a run deletes them.
            for first in stride(from: 0, to: 200, by: 20) {
                try exec(db, "DELETE FROM turn WHERE conversation >= \(first) AND conversation < \(first + 20)")
            }
            try exec(db, "PRAGMA wal_checkpoint(TRUNCATE)")
            let elapsed = ContinuousClock.now - start
            times[secure, default: []].append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            _ = parley_crypt_clear_key(path)
        }
        func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
        return Result(rows: rows / 5, megabytes: bytes / 1_000_000, rounds: rounds, on: median(times[true]!), off: median(times[false]!))
    }

    static func exec(_ db: OpaquePointer, _ sql: String) throws {
        guard sqlite3_exec(db, sql, nil, nil, nil) == SQLITE_OK else { throw BenchFailure("\(sql): \(String(cString: sqlite3_errmsg(db)))") }
    }
}

struct BenchFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
