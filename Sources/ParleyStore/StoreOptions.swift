/// Tuning of the store's SQLite connections (`storage:` in parley.yml).
public struct StoreOptions: Sendable, Hashable {
    /// SQLite's default page cache per connection, in KiB.
    public static let defaultPageCacheKiB = 2_000
    /// The smallest cache allowed: ten pages.
    public static let minimumPageCacheKiB = 40

    /// Page cache per connection, in KiB. A copy of the database (backup,
    /// rotation, restore, migration) is written through a cache of this size too.
    public var pageCacheKiB: Int

    /// Benchmarks only: the same store on plain SQLite files, to price the
    /// encryption of a workload. Not reachable from the CLI or any
    /// configuration file: only code that imports the `Benchmarks` SPI sets it.
    @_spi(Benchmarks) public var encrypted = true

    public init(pageCacheKiB: Int = StoreOptions.defaultPageCacheKiB) {
        self.pageCacheKiB = max(pageCacheKiB, Self.minimumPageCacheKiB)
    }
}
