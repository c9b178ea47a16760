/// Tuning of the store's SQLite connections (`storage:` in parley.yml).
public struct StoreOptions: Sendable, Hashable {
    /// SQLite's default page cache per connection, in KiB.
    public static let defaultPageCacheKiB = 2_000
    /// The smallest cache allowed: ten pages.
    public static let minimumPageCacheKiB = 40

    /// Page cache per connection, in KiB. A copy of the database (backup,
    /// rotation, restore, migration) is written through a cache of this size too.
    public var pageCacheKiB: Int

    /// Customer turns are refused (nothing written) while the data
    /// directory's disk has less free space than this, so that the writes
    /// that must not be lost (audit entries, agents' actions, checkpoints
    /// folding the WAL into the database) still find room.
    public var reserveBytes: UInt64

    public static let defaultReserveBytes: UInt64 = 64 << 20

    /// Benchmarks only: the same store on plain SQLite files, to price the
    /// encryption of a workload. Not reachable from the CLI or any
    /// configuration file: only code that imports the `Benchmarks` SPI sets it.
    @_spi(Benchmarks) public var encrypted = true

    public init(pageCacheKiB: Int = StoreOptions.defaultPageCacheKiB, reserveBytes: UInt64 = StoreOptions.defaultReserveBytes) {
        self.pageCacheKiB = max(pageCacheKiB, Self.minimumPageCacheKiB)
        self.reserveBytes = reserveBytes
    }
}
