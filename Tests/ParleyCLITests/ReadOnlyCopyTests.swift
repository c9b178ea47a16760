import Foundation
@testable import ParleyCLI
import ParleyTestSupport
import Testing

/// `parley audit verify --database` on a copy that cannot be written: it
/// verifies and writes nothing (no lock file, no WAL, no audit entry).
@Suite struct ReadOnlyCopyTests {
    @Test(.enabled(if: FullDisk.Tmpfs.isAvailable, "needs a read-only file system (a tmpfs remounted read-only)"))
    func verifyingTheStoredLogOfAReadOnlyCopyWritesNothing() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("ro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let keys = root.appendingPathComponent("keys").path
        let live = root.appendingPathComponent("data")
        let create = try #require(try Parley.parseAsRoot(["tokens", "create", "--role", "agent", "--data-dir", live.path, "--keys-dir", keys]) as? TokensCreate)
        try await create.run()

        let copy = try FullDisk.Tmpfs(sizeKiB: 16 * 1024)
        defer { copy.unmount() }
        for name in ["parley.db", "keyring.db"] {
            try FileManager.default.copyItem(at: live.appendingPathComponent(name), to: copy.directory.appendingPathComponent(name))
        }
        try copy.remountReadOnly()
        let before = try FileManager.default.contentsOfDirectory(atPath: copy.directory.path).sorted()

        let verify = try #require(try Parley.parseAsRoot(["audit", "verify", "--database", "--data-dir", copy.directory.path, "--keys-dir", keys]) as? AuditVerify)
        try await verify.run()
        #expect(try FileManager.default.contentsOfDirectory(atPath: copy.directory.path).sorted() == before)
    }
}
