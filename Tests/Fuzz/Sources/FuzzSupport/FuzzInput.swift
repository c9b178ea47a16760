/// One input of libFuzzer, as the readers under test see it.
public struct FuzzInput {
    public let bytes: [UInt8]

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    }

    /// The bytes as text (ill-formed UTF-8 repaired, as `String(decoding:)` does).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The first byte picks one of `count` readers; the rest is their input.
    public func selector(among count: Int) -> (choice: Int, rest: [UInt8]) {
        guard let first = bytes.first else { return (0, []) }
        return (Int(first) % count, Array(bytes.dropFirst()))
    }
}

/// A broken invariant: a crash libFuzzer records with the input that caused it.
/// The message names the invariant, never the input.
public func fuzzRequire(_ condition: Bool, _ invariant: StaticString, file: StaticString = #fileID, line: UInt = #line) {
    if !condition { fatalError("fuzz invariant broken: \(invariant)", file: file, line: line) }
}
