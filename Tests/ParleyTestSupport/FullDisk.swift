import CSQLiteCrypt
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A full disk for tests, two ways.
///
/// ``simulated(under:_:)``: the encrypting VFS refuses every write that would
/// grow a file under a directory (SQLITE_FULL), as a disk without free blocks
/// does; works everywhere, in debug builds.
///
/// ``Tmpfs``: a real, small tmpfs mounted for the test, filled with a file
/// (ENOSPC from the kernel, and statvfs showing it); needs the right to
/// mount, which a CI container may not give: ``Tmpfs/isAvailable``.
public enum FullDisk {
    /// Runs `body` with writes that grow files under `directory` failing.
    /// The VFS simulates one full directory at a time, process-wide: tests
    /// of different suites that simulate one take turns.
    public static func simulated<T>(under directory: URL, _ body: () async throws -> T) async throws -> T {
        let path = directory.resolvingSymlinksInPath().path
        await simulation.acquire()
        guard parley_crypt_simulate_full_disk(path) == 0 else {
            await simulation.release()
            throw FullDiskError("the simulated full disk needs a debug build of CSQLiteCrypt")
        }
        do {
            let result = try await body()
            _ = parley_crypt_simulate_full_disk(nil)
            await simulation.release()
            return result
        } catch {
            _ = parley_crypt_simulate_full_disk(nil)
            await simulation.release()
            throw error
        }
    }

    private static let simulation = SimulationTurn()

    /// First come, first served: who may simulate a full disk now.
    private actor SimulationTurn {
        private var busy = false
        private var waiting: [CheckedContinuation<Void, Never>] = []

        func acquire() async {
            guard busy else {
                busy = true
                return
            }
            await withCheckedContinuation { waiting.append($0) }
        }

        func release() {
            if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
        }
    }

    /// A tmpfs of a few MiB mounted on a fresh directory; unmounted by ``unmount()``.
    public final class Tmpfs: Sendable {
        public let directory: URL

        /// Whether this process may mount a tmpfs (tried once, on a scratch directory).
        public static let isAvailable: Bool = {
            guard let probe = try? Tmpfs(sizeKiB: 64) else { return false }
            probe.unmount()
            return true
        }()

        public init(sizeKiB: Int) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-tmpfs-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            guard mount("tmpfs", directory.path, "tmpfs", 0, "size=\(sizeKiB)k,mode=0700") == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: directory)
                throw FullDiskError("cannot mount a tmpfs: \(reason)")
            }
        }

        /// Fills the file system until less than `leftBytes` are free; returns the filler file.
        @discardableResult
        public func fill(leavingLessThan leftBytes: UInt64) throws -> URL {
            let filler = directory.appendingPathComponent("filler-\(UUID().uuidString)")
            guard let handle = fopen(filler.path, "w") else { throw FullDiskError("cannot create the filler") }
            defer { fclose(handle) }
            let chunk = [UInt8](repeating: 0, count: 4096)
            while freeBytes >= leftBytes {
                if fwrite(chunk, 1, chunk.count, handle) < chunk.count || fflush(handle) != 0 { break }
            }
            return filler
        }

        public var freeBytes: UInt64 {
            var stats = statvfs()
            guard statvfs(directory.path, &stats) == 0 else { return 0 }
            return UInt64(stats.f_bavail) * UInt64(stats.f_frsize)
        }

        /// Makes the file system read-only: even root then gets EROFS.
        public func remountReadOnly() throws {
            guard mount("tmpfs", directory.path, "tmpfs", UInt(MS_REMOUNT | MS_RDONLY), nil) == 0 else {
                throw FullDiskError("cannot remount read-only: \(String(cString: strerror(errno)))")
            }
        }

        public func unmount() {
            _ = umount2(directory.path, Int32(MNT_DETACH))
            try? FileManager.default.removeItem(at: directory)
        }
    }
}

public struct FullDiskError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
