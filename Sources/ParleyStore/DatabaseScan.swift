import CSQLiteCrypt
import Foundation
import GRDBSQLite
import ParleyCrypto

/// Every page a database file and its WAL hold, opened outside SQLite, free
/// pages and frames not yet checkpointed included: what an erasure test (or a
/// forensic check) reads to prove that no copy of some text is left anywhere
/// in the file, not just in the rows SQLite returns. Plaintext exists only in
/// the memory passed to `visit`.
public enum DatabaseScan {
    /// Calls `visit` with every page of the file at `path` (encrypted under
    /// `key`), then every frame of its WAL. Returns (pages, frames).
    @discardableResult
    public static func pages(
        ofDatabaseAt path: String, key: SymmetricKey, visit: (_ page: UnsafeRawBufferPointer) -> Void
    ) throws(StoreError) -> (pages: UInt64, frames: UInt64) {
        try DatabaseEncryption.register(key: key, for: path)
        var pages: UInt64 = 0
        var frames: UInt64 = 0
        let rcs: (Int32, Int32) = withoutActuallyEscaping(visit) { visit in
            var box = Visitor(visit: visit)
            return withUnsafeMutablePointer(to: &box) { pointer in
                let callback: parley_crypt_page_visitor = { context, _, page in
                    guard let context, let page else { return 1 }
                    context.assumingMemoryBound(to: Visitor.self).pointee.visit(UnsafeRawBufferPointer(start: page, count: 4096))
                    return 0
                }
                let main = parley_crypt_visit_pages(path, callback, pointer, &pages)
                let wal = main == SQLITE_OK ? parley_crypt_visit_wal(path, callback, pointer, &frames) : main
                return (main, wal)
            }
        }
        for rc in [rcs.0, rcs.1] where rc != SQLITE_OK {
            if rc == Store.authenticationFailureCode, let failure = DatabaseEncryption.failure() {
                throw .authenticationFailed(file: failure.path, page: failure.page, kind: failure.kind)
            }
            throw .database("cannot scan \(path) (SQLite code \(rc))")
        }
        return (pages, frames)
    }

    private struct Visitor {
        let visit: (UnsafeRawBufferPointer) -> Void
    }
}
