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
    /// `environment` is added to the test runner's (PARLEY_CRASH_WRITER_CIPHER, OPENSSL_CONF).
    static func run(_ arguments: [String], key: [UInt8], uriParameters: String = "",
                    environment: [String: String] = [:]) throws -> Int32 {
        try output(arguments, key: key, uriParameters: uriParameters, environment: environment).status
    }

    /// Like run(), also returning what the writer printed on standard output.
    static func output(_ arguments: [String], key: [UInt8], uriParameters: String = "",
                       environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var variables = ProcessInfo.processInfo.environment
        variables["PARLEY_CRASH_WRITER_KEY"] = hex(key)
        variables["PARLEY_CRASH_WRITER_URI_PARAMETERS"] = uriParameters
        variables.merge(environment) { _, added in added }
        process.environment = variables
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let printed = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: printed, as: UTF8.self))
    }
}
