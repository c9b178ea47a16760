import Foundation

/// Where the checkout and a per-process scratch directory are.
public enum FuzzPaths {
    /// The checkout's root (this file is Tests/Fuzz/Sources/FuzzSupport/FuzzPaths.swift).
    public static let repository: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }
        return url
    }()

    /// A private directory for readers that take a file, removed by nobody:
    /// it lives under the system's temporary directory, one per process.
    public static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parley-fuzz-\(getpid())", isDirectory: true)
        do { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) } catch {
            fatalError("the fuzz scratch directory cannot be made")
        }
        return url
    }()

    /// Writes `bytes` to `name` in the scratch directory and returns its URL.
    public static func scratchFile(_ name: String, _ bytes: [UInt8]) -> URL {
        let url = scratch.appendingPathComponent(name)
        do { try Data(bytes).write(to: url) } catch { fatalError("the fuzz scratch file cannot be written") }
        return url
    }
}
