import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Ownership and mode checks for secret files, as ssh does for private keys.
enum FilePermissions {
    /// Throws unless `url` belongs to the effective user and grants nothing to group or others.
    static func requirePrivate(_ url: URL, isDirectory: Bool) throws(EngineError) {
        var info = stat()
        guard lstat(url.path, &info) == 0 else {
            throw .keys("cannot inspect \(url.path): \(String(cString: strerror(errno)))")
        }
        let type = info.st_mode & S_IFMT
        guard type == (isDirectory ? S_IFDIR : S_IFREG) else {
            throw .keys("\(url.path) must be a \(isDirectory ? "directory" : "regular file") (symbolic links are refused)")
        }
        guard info.st_uid == geteuid() else {
            throw .keys("\(url.path) belongs to uid \(info.st_uid), not to the user running Parley (uid \(geteuid()))")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            let wanted = isDirectory ? "700" : "600"
            throw .keys(String(
                format: "permissions 0%03o for %@ are too open: it must not be accessible by group or others; run: chmod %@ %@",
                mode, url.path, wanted, url.path
            ))
        }
    }
}
