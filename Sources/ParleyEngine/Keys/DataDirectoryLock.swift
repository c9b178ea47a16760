import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An advisory lock on the data directory (`parley.lock`): the server and
/// ordinary commands hold it shared; key rotation and restore need it
/// exclusively, so they refuse to run while a server uses the files.
public final class DataDirectoryLock: Sendable {
    private let descriptor: Int32

    public static func acquire(_ dataDirectory: URL, exclusive: Bool) throws(EngineError) -> DataDirectoryLock {
        let path = dataDirectory.appendingPathComponent("parley.lock").path
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .storage("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            close(fd)
            throw .conflict(exclusive
                ? "the data directory \(dataDirectory.path) is in use (is 'parley serve' running?); stop it first"
                : "the data directory \(dataDirectory.path) is being maintained (key rotation or restore); try again when it ends")
        }
        return DataDirectoryLock(descriptor: fd)
    }

    /// The shared lock for a command that only reads, on a directory it may
    /// not be able to write (a read-only copy): an existing `parley.lock` is
    /// opened read-only and locked shared; where there is none and none can
    /// be created, no Parley process can be using the files, and nil is returned.
    public static func acquireForReading(_ dataDirectory: URL) throws(EngineError) -> DataDirectoryLock? {
        let path = dataDirectory.appendingPathComponent("parley.lock").path
        var fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0, errno == EACCES || errno == EROFS || errno == EPERM {
            fd = open(path, O_RDONLY | O_CLOEXEC)
            if fd < 0, errno == ENOENT { return nil }
        }
        guard fd >= 0 else { throw .storage("cannot open \(path): \(String(cString: strerror(errno)))") }
        guard flock(fd, LOCK_SH | LOCK_NB) == 0 else {
            close(fd)
            throw .conflict("the data directory \(dataDirectory.path) is being maintained (key rotation or restore); try again when it ends")
        }
        return DataDirectoryLock(descriptor: fd)
    }

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
