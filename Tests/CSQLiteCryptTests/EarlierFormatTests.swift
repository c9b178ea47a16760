import CSodium
import GRDBSQLite
import CSQLiteCrypt
import Testing

extension AuthenticationFailureTests {
    /// Re-seals every frame of a WAL in the earlier format (content bound to
    /// id || 'W' || frame offset), as an older Parley left it after a crash.
    private func rewriteInEarlierFormat(wal path: String, id: [UInt8], key: [UInt8]) throws {
        var wal = FileBytes.read(path)
        for frame in WALFrame.all(in: wal) {
            let content = Array(frame.content)
            let current = id + [UInt8(ascii: "D")] + (0..<4).reversed().map { UInt8(truncatingIfNeeded: frame.page >> (8 * UInt64($0))) }
            var plain = [UInt8](repeating: 0, count: 4_056)
            try check(crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
                &plain, nil, Array(content[0..<4_056]), 4_056, Array(content[4_080..<4_096]),
                current, UInt64(current.count), Array(content[4_056..<4_080]), key), "open frame \(frame.index)")
            let earlier = id + [UInt8(ascii: "W")] + (0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(frame.offset) >> (8 * UInt64($0))) }
            var nonce = [UInt8](repeating: 0, count: 24)
            randombytes_buf(&nonce, 24)
            var sealed = [UInt8](repeating: 0, count: 4_056)
            var tag = [UInt8](repeating: 0, count: 16)
            var tagLength: UInt64 = 0
            try check(crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
                &sealed, &tag, &tagLength, plain, 4_056, earlier, UInt64(earlier.count), nil, nonce, key), "seal frame \(frame.index)")
            wal.replaceSubrange((frame.offset + 24)..<(frame.offset + 24 + 4_096), with: sealed + nonce + tag)
        }
        try FileBytes.write(wal, to: path)
    }

    @Test("a WAL left by an earlier Parley is an error naming it, and the log is kept, not discarded as torn")
    func walInTheEarlierFormatIsRefusedAndKept() throws {
        let key = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("earlier.db"), key: key)
        do {
            let c = try db.open()
            try c.execute("PRAGMA journal_mode = WAL")
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        }
        #expect(try CrashWriter.run(["wal-commit", db.path, "300", "earlier"], key: key) == 0)
        try rewriteInEarlierFormat(wal: db.path + "-wal", id: Array(FileBytes.read(db.path)[0..<16]), key: key)
        let wal = FileBytes.read(db.path + "-wal")

        let serial = AuthenticationFailure.serialNow
        expectSQLiteError(SQLITE_IOERR_AUTH_CODE) {
            let c = try db.open()
            _ = try c.integer("SELECT count(*) FROM t")
        }
        let failure = AuthenticationFailure.last()
        #expect(failure != nil && failure!.serial > serial)
        #expect(failure?.kind == "W")
        #expect(failure?.page == 1)
        #expect(failure?.path == db.path + "-wal")
        #expect(FileBytes.read(db.path + "-wal") == wal)
    }
}
