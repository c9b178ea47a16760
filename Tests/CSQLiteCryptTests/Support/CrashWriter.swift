import Foundation

/// Runs the `vfs-crash-writer` executable (built with the tests) as a separate
/// process that writes through the VFS and dies with `_exit` — no close, no
/// checkpoint, no rollback. A child process rather than fork(): the test
/// runner is multi-threaded, and a forked child of a multi-threaded process
/// may deadlock on a lock another thread held at the fork.
enum CrashWriter {
    static var executable: String {
        let runner = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: runner).deletingLastPathComponent().appendingPathComponent("vfs-crash-writer").path
    }

    /// Returns the writer's exit status (0: it wrote and died as planned).
    static func run(_ arguments: [String], key: [UInt8], uriParameters: String = "") throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PARLEY_CRASH_WRITER_KEY"] = hex(key)
        environment["PARLEY_CRASH_WRITER_URI_PARAMETERS"] = uriParameters
        process.environment = environment
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
