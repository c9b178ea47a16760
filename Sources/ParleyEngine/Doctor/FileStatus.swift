import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What `lstat` says of a path, for the doctor's ownership and mode checks.
struct FileStatus: Sendable, Hashable {
    var owner: uid_t
    var mode: mode_t
    var isDirectory: Bool
    var isRegularFile: Bool
    var size: Int64

    static func of(_ url: URL) -> FileStatus? {
        var info = stat()
        guard lstat(url.path, &info) == 0 else { return nil }
        let type = info.st_mode & S_IFMT
        return FileStatus(
            owner: info.st_uid, mode: info.st_mode & 0o7777, isDirectory: type == S_IFDIR, isRegularFile: type == S_IFREG,
            size: Int64(info.st_size)
        )
    }

    /// Group or others may read, write or enter it.
    var isOpenToOthers: Bool { mode & 0o077 != 0 }

    var octalMode: String { String(format: "0%03o", mode & 0o777) }

    /// The user's name, or `uid N` when it has none.
    static func userName(_ uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid \(uid)" }
        return String(cString: name)
    }
}
