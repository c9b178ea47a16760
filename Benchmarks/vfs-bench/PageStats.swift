import CSQLiteCrypt

/// The VFS's page counters: pages sealed, opened, and copied sealed from the
/// WAL to the database by a checkpoint (written without a second seal).
struct PageStats: CustomStringConvertible, Sendable {
    var sealed: UInt64 = 0
    var opened: UInt64 = 0
    var reused: UInt64 = 0

    static func now() -> PageStats {
        var stats = PageStats()
        var sealed: CUnsignedLongLong = 0
        var opened: CUnsignedLongLong = 0
        var reused: CUnsignedLongLong = 0
        _ = parley_crypt_page_stats(&sealed, &opened, &reused)
        stats.sealed = UInt64(sealed)
        stats.opened = UInt64(opened)
        stats.reused = UInt64(reused)
        return stats
    }

    func since(_ earlier: PageStats) -> PageStats {
        PageStats(sealed: sealed - earlier.sealed, opened: opened - earlier.opened, reused: reused - earlier.reused)
    }

    var description: String { "pages_sealed=\(sealed) pages_opened=\(opened) pages_reused=\(reused)" }
}
