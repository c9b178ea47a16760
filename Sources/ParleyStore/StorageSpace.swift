import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The free space of the disk holding the data directory, and the reserve
/// kept on it. Customer turns are refused while less than the reserve is
/// free, before anything is written: the client is told (507) and nothing is
/// half-stored, and the writes that must not be lost (audit entries, agents'
/// actions, the checkpoint that folds the WAL into the database) keep room.
/// Once space returns, the next turn is taken: nothing to restart.
public struct StorageSpace: Sendable, Hashable {
    public let directory: URL
    public let reserveBytes: UInt64

    public init(directory: URL, reserveBytes: UInt64) {
        self.directory = directory
        self.reserveBytes = reserveBytes
    }

    /// Bytes an unprivileged process may still write there; nil when the
    /// file system cannot say.
    public var freeBytes: UInt64? {
        var stats = statvfs()
        guard statvfs(directory.path, &stats) == 0 else { return nil }
        return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
    }

    /// True while less than the reserve is free.
    public var isBelowReserve: Bool {
        guard let free = freeBytes else { return false }
        return free < reserveBytes
    }

    /// Throws ``StoreError/diskFull(directory:freeBytes:)`` while less than the reserve is free.
    public func requireReserve() throws(StoreError) {
        if let free = freeBytes, free < reserveBytes { throw .diskFull(directory: directory.path, freeBytes: free) }
    }

    func fullError() -> StoreError {
        .diskFull(directory: directory.path, freeBytes: freeBytes)
    }
}
