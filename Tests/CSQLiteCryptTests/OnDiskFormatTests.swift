import GRDBSQLite
import CSQLiteCrypt
import CSodium
import Testing

/// The on-disk format, checked by decrypting files with libsodium directly,
/// exactly as documented in parley_crypt.h, without the VFS.
@Suite("The on-disk format is the documented one")
struct OnDiskFormatTests {
    let scratch = ScratchDirectory()

    /// Opens page[from..<4056] with nonce page[4056..<4080] and tag page[4080..<4096].
    private func open(_ page: ArraySlice<UInt8>, from: Int = 0, key: [UInt8], ad: [UInt8]) -> [UInt8]? {
        let page = Array(page)
        var plain = [UInt8](repeating: 0, count: 4_056 - from)
        let rc = crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
            &plain, nil, Array(page[from..<4_056]), UInt64(4_056 - from), Array(page[4_080..<4_096]),
            ad, UInt64(ad.count), Array(page[4_056..<4_080]), key)
        return rc == 0 ? plain : nil
    }

    private func bigEndian(_ value: UInt64, bytes: Int) -> [UInt8] {
        (0..<bytes).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    @Test("XChaCha20-Poly1305-IETF known answer (draft-irtf-cfrg-xchacha, A.3.1)")
    func primitiveKnownAnswer() throws {
        func bytes(_ hex: String) -> [UInt8] {
            var out: [UInt8] = []
            var i = hex.startIndex
            while i < hex.endIndex {
                let j = hex.index(i, offsetBy: 2)
                out.append(UInt8(hex[i..<j], radix: 16)!)
                i = j
            }
            return out
        }
        let plaintext = Array("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the future, sunscreen would be it.".utf8)
        let ad = bytes("50515253c0c1c2c3c4c5c6c7")
        let key = bytes("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f")
        let nonce = bytes("404142434445464748494a4b4c4d4e4f5051525354555657")
        var ciphertext = [UInt8](repeating: 0, count: plaintext.count)
        var tag = [UInt8](repeating: 0, count: 16)
        var tagLength: UInt64 = 0
        #expect(crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
            &ciphertext, &tag, &tagLength, plaintext, UInt64(plaintext.count), ad, UInt64(ad.count), nil, nonce, key) == 0)
        #expect(hex(ciphertext) == "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b4522f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff921f9664c97637da9768812f615c68b13b52e")
        #expect(hex(tag) == "c0875924c1c7987947deafd8780acf49")
    }

    @Test("database pages: id in clear, then ciphertext, nonce, tag; id || 'D' || page number bound")
    func databasePagesDecryptWithTheDocumentedLayout() throws {
        let key = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("format.db"), key: key)
        do {
            let c = try db.open()
            try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
            for i in 0..<300 { try c.rows("INSERT INTO t VALUES(?, 'format row')", [.integer(Int64(i))]) }
        }
        let file = FileBytes.read(db.path)
        #expect(file.count % 4_096 == 0)
        let id = Array(file[0..<16])

        let page1 = try #require(open(file[0..<4_096], from: 16, key: key, ad: id + [UInt8(ascii: "D")] + bigEndian(1, bytes: 4)))
        // page1 starts at byte 16 of the page: the SQLite header fields
        #expect(page1[0] == 0x10 && page1[1] == 0x00)   // page size 4096
        #expect(page1[4] == 40)                          // reserved bytes per page
        let page2 = try #require(open(file[4_096..<8_192], key: key, ad: id + [UInt8(ascii: "D")] + bigEndian(2, bytes: 4)))
        #expect([0x02, 0x05, 0x0a, 0x0d].contains(page2[0]))   // a b-tree page
        // bound to its position: page 2 does not open as page 3
        #expect(open(file[4_096..<8_192], key: key, ad: id + [UInt8(ascii: "D")] + bigEndian(3, bytes: 4)) == nil)
    }

    @Test("WAL frames: clear 24-byte header, content sealed like the page it holds: id || 'D' || page number from the header")
    func walFramesDecryptWithTheDocumentedLayout() throws {
        let key = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("walformat.db"), key: key)
        let c = try db.open()
        try c.execute("PRAGMA journal_mode = WAL")
        try c.execute("PRAGMA wal_autocheckpoint = 0")
        try c.execute("CREATE TABLE t(x)")
        try c.execute("INSERT INTO t VALUES('in the wal')")
        let id = Array(FileBytes.read(db.path)[0..<16])
        let wal = FileBytes.read(db.path + "-wal")
        #expect((wal.count - 32) % 4_120 == 0)
        #expect(wal.count > 32)
        for frame in WALFrame.all(in: wal) {
            #expect(open(frame.content, key: key, ad: id + [UInt8(ascii: "D")] + bigEndian(frame.page, bytes: 4)) != nil)
            #expect(open(frame.content, key: key, ad: id + [UInt8(ascii: "D")] + bigEndian(frame.page + 1, bytes: 4)) == nil)
        }
    }

    @Test("a checkpoint copies each frame's sealed bytes to the database page unchanged (page 1 is sealed anew)")
    func checkpointCopiesSealedFrames() throws {
        let key = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("reuse.db"), key: key)
        let c = try db.open()
        try c.execute("PRAGMA journal_mode = WAL")
        try c.execute("PRAGMA wal_autocheckpoint = 0")
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        try c.execute("BEGIN")
        for i in 0..<400 { try c.rows("INSERT INTO t VALUES(?, ?)", [.integer(Int64(i)), .text("reuse \(i) " + String(repeating: "r", count: 150))]) }
        try c.execute("COMMIT")

        // the last frame of every page, as the checkpoint will copy it
        let wal = FileBytes.read(db.path + "-wal")
        var lastFrame: [UInt64: ArraySlice<UInt8>] = [:]
        for frame in WALFrame.all(in: wal) { lastFrame[frame.page] = frame.content }
        #expect(lastFrame.count > 10)

        var reused: CUnsignedLongLong = 0
        _ = parley_crypt_page_stats(nil, nil, &reused)
        try c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        var reusedAfter: CUnsignedLongLong = 0
        _ = parley_crypt_page_stats(nil, nil, &reusedAfter)
        // other suites run in parallel: at least this checkpoint's pages were reused
        #expect(reusedAfter - reused >= UInt64(lastFrame.count - 1))

        let file = FileBytes.read(db.path)
        for (page, content) in lastFrame where page > 1 {
            let start = Int(page - 1) * 4_096
            #expect(Array(file[start..<(start + 4_096)]) == Array(content), "page \(page)")
        }
        // page 1 (the schema changed) is sealed anew: its id sits in clear on disk
        let walPage1 = try #require(lastFrame[1])
        #expect(Array(file[0..<4_096]) != Array(walPage1))
        let fresh = try db.open()
        #expect(try fresh.integer("SELECT count(*) FROM t") == 400)
        #expect(try fresh.text("PRAGMA integrity_check") == "ok")
    }

    @Test("journal records: page number in clear, image sealed with id || 'J' || image offset || page number")
    func journalRecordsDecryptWithTheDocumentedLayout() throws {
        let key = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("journalformat.db"), key: key)
        let c = try db.open()
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        for i in 0..<200 { try c.rows("INSERT INTO t VALUES(?, 'journal row')", [.integer(Int64(i))]) }
        try c.execute("BEGIN")
        try c.execute("UPDATE t SET body = 'changed'")
        let id = Array(FileBytes.read(db.path)[0..<16])
        let journal = FileBytes.read(db.path + "-journal")
        #expect(journal.count >= 512 + 4_104)
        let page = journal[512..<516].reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        let image = journal[516..<(516 + 4_096)]
        let ad = id + [UInt8(ascii: "J")] + bigEndian(516, bytes: 8)
        #expect(open(image, key: key, ad: ad + bigEndian(page, bytes: 4)) != nil)
        #expect(open(image, key: key, ad: ad + bigEndian(page + 1, bytes: 4)) == nil)
        try c.execute("ROLLBACK")
    }

    @Test("frames a transaction rewrites in the WAL (a small cache spills pages again) stay bound to their page")
    func rewrittenFramesKeepTheirPageBinding() throws {
        let key = randomKey()
        let db = try EncryptedDatabase(path: scratch.file("rewrite.db"), key: key)
        let c = try db.open()
        try c.execute("PRAGMA journal_mode = WAL")
        try c.execute("PRAGMA wal_autocheckpoint = 0")
        try c.execute("PRAGMA cache_size = 2")
        try c.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, body TEXT)")
        try c.execute("BEGIN")
        for round in 0..<20 {
            for i in 0..<60 { try c.rows("INSERT OR REPLACE INTO t VALUES(?, ?)", [.integer(Int64(i)), .text("round \(round) " + String(repeating: "w", count: 300))]) }
        }
        try c.execute("COMMIT")
        let id = Array(FileBytes.read(db.path)[0..<16])
        let wal = FileBytes.read(db.path + "-wal")
        let frames = WALFrame.all(in: wal)
        #expect(frames.count > 5)
        for frame in frames {
            #expect(open(frame.content, key: key, ad: id + [UInt8(ascii: "D")] + bigEndian(frame.page, bytes: 4)) != nil,
                    "frame \(frame.index + 1)")
        }
        let fresh = try db.open()
        #expect(try fresh.integer("SELECT count(*) FROM t WHERE body LIKE 'round 19 %'") == 60)
        #expect(try fresh.text("PRAGMA integrity_check") == "ok")
    }
}
