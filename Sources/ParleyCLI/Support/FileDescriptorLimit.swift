#if canImport(Glibc)
import Glibc
#endif

/// The process's open-file limit. The server raises its soft limit to the
/// hard one (as Go's runtime and nginx do), then keeps its connection cap
/// below it, leaving room for the files it opens itself (databases, WALs,
/// models, logs): past the limit, accept() and open() fail alike, and an
/// idle-socket flood would otherwise take the database down with it.
enum FileDescriptorLimit {
    /// Descriptors kept for everything but client connections.
    static let reservedForFiles = 128

    /// Raises the soft limit to the hard limit; returns the soft limit now in force.
    static func raiseToHardLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        if limit.rlim_cur < limit.rlim_max {
            var raised = limit
            raised.rlim_cur = limit.rlim_max
            if setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &raised) == 0 { limit = raised }
        }
        return Int(clamping: limit.rlim_cur)
    }

    /// The connection cap that fits under `limit`.
    static func connectionCap(configured: Int, limit: Int) -> Int {
        min(configured, max(16, limit - reservedForFiles))
    }
}
