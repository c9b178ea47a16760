import Foundation

/// An adversarial file: a unit repeated between a prefix and a suffix, to a
/// size in bytes (whole units, so at most one unit short of it).
public struct FileShape: Sendable, CustomStringConvertible {
    public let name: String
    public let prefix: String
    public let unit: String
    public let suffix: String
    /// The long input's size: 1 MiB for the shapes that made a reader
    /// quadratic before; 64 KiB (still a ratio of 64, where a quadratic
    /// reader costs 4,096 times more) for the rest, to keep the suite short.
    public let longBytes: Int

    public init(_ name: String, _ unit: String, prefix: String = "", suffix: String = "", longBytes: Int = 64 << 10) {
        self.name = name
        self.unit = unit
        self.prefix = prefix
        self.suffix = suffix
        self.longBytes = longBytes
    }

    public static let mebibyte = 1 << 20

    public var description: String { name }

    public func text(bytes count: Int) -> String {
        let units = max(1, (count - prefix.utf8.count - suffix.utf8.count) / unit.utf8.count)
        return prefix + String(repeating: unit, count: units) + suffix
    }

    /// 1 KiB and `long` bytes (1 MiB unless told) of the shape, and the
    /// ratio of their sizes in bytes.
    public func shortAndLong(long longBytes: Int = 1 << 20) -> (short: String, long: String, sizeRatio: Double) {
        let short = text(bytes: 1 << 10)
        let long = text(bytes: longBytes)
        return (short, long, Double(long.utf8.count) / Double(short.utf8.count))
    }

    /// The shape written to a file of its own (removed by the caller).
    public static func write(_ text: String, named name: String) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parley-scaling-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url
    }
}
