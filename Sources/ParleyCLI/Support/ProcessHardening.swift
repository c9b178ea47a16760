#if canImport(Glibc)
import Glibc
#endif

/// Process-wide protections for commands that hold keys: files are created
/// private (umask 077) and no core dump is written (one would hold key
/// material; secure memory is also excluded from dumps by libsodium).
enum ProcessHardening {
    static func apply() {
        umask(0o077)
        var noCore = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &noCore)
    }
}
