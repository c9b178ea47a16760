import ParleyCrypto

/// Embeddings by the SHA-256 of their text, for one encoder file: training
/// embeds only the texts it has not embedded before, so retraining after a
/// little feedback costs seconds, not the minutes of embedding a whole
/// training set. The cache holds what customers' words map to, so its owner
/// keeps it sealed (the engine does, beside the models) and prunes it to
/// the current training texts (``retainOnly(_:)``).
///
/// Bytes (``encoded()``): `"PRLEMBC1"` ‖ encoder SHA-256 (32) ‖ dimension u32
/// ‖ count u64 ‖ (text SHA-256 (32) ‖ f32 × dimension) × count.
public struct EmbeddingCache: Sendable {
    public let encoderSHA256: String
    public let dimension: Int
    private var entries: [Key: [Float]] = [:]
    static let magic = Array("PRLEMBC1".utf8)

    struct Key: Hashable, Sendable {
        let digest: [UInt8]
        init(_ text: String) { digest = SHA256.hash(Array(text.utf8)) }
        init(digest: [UInt8]) { self.digest = digest }
    }

    public init(encoderSHA256: String, dimension: Int) {
        self.encoderSHA256 = encoderSHA256
        self.dimension = dimension
    }

    public init(for encoder: SentenceEncoder) {
        self.init(encoderSHA256: encoder.fileSHA256, dimension: encoder.dimension)
    }

    public var count: Int { entries.count }

    public func embedding(of text: String) -> [Float]? { entries[Key(text)] }

    /// The embeddings of `texts`, in order, computing (in batches) only those
    /// not cached; `encoder` must be the cache's. Returns how many were computed.
    public mutating func embeddings(
        of texts: [String], encoder: SentenceEncoder, batchSize: Int = 32, progress: (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) throws(EncoderError) -> (embeddings: [[Float]], computed: Int) {
        guard encoder.fileSHA256 == encoderSHA256, encoder.dimension == dimension else {
            throw .invalidEncoderFile(path: "(embedding cache)", reason: "it was made with another encoder")
        }
        let keys = texts.map(Key.init)
        var missing: [Int] = []
        var seen = Set<Key>()
        for (index, key) in keys.enumerated() where entries[key] == nil && seen.insert(key).inserted { missing.append(index) }
        var done = 0
        for start in stride(from: 0, to: missing.count, by: max(batchSize, 1)) {
            let batch = Array(missing[start..<min(start + max(batchSize, 1), missing.count)])
            for (index, embedding) in zip(batch, encoder.embed(batch.map { texts[$0] })) { entries[keys[index]] = embedding }
            done += batch.count
            progress(done, missing.count)
        }
        return (keys.map { entries[$0] ?? [] }, missing.count)
    }

    /// Forgets every text not in `texts` (feedback since deleted or erased).
    public mutating func retainOnly(_ texts: [String]) {
        let keep = Set(texts.map(Key.init))
        entries = entries.filter { keep.contains($0.key) }
    }

    public func encoded() -> [UInt8] {
        var bytes = Self.magic
        bytes += Hex.decode(encoderSHA256) ?? [UInt8](repeating: 0, count: 32)
        append(UInt32(dimension), to: &bytes)
        append(UInt64(entries.count), to: &bytes)
        // Sorted by digest, so the same cache always gives the same bytes.
        for (key, values) in entries.sorted(by: { $0.key.digest.lexicographicallyPrecedes($1.key.digest) }) {
            bytes += key.digest
            for value in values { append(value.bitPattern, to: &bytes) }
        }
        return bytes
    }

    /// A cache read back; one made with another encoder (or unreadable) is
    /// refused, so that the caller starts an empty one.
    public init(decoding bytes: [UInt8], encoderSHA256: String) throws(EncoderError) {
        func fail(_ reason: String) -> EncoderError { .invalidEncoderFile(path: "(embedding cache)", reason: reason) }
        guard bytes.count >= 52, Array(bytes[0..<8]) == Self.magic else { throw fail("it is not an embedding cache") }
        guard Hex.encode(Array(bytes[8..<40])) == encoderSHA256 else { throw fail("it was made with another encoder") }
        let dimension = Int(Self.load(bytes, 40, as: UInt32.self))
        let count = Self.load(bytes, 44, as: UInt64.self)
        let entrySize = 32 + 4 * dimension
        guard dimension > 0, dimension <= 8192, count <= UInt64(bytes.count), bytes.count == 52 + Int(count) * entrySize else {
            throw fail("it is truncated or malformed")
        }
        self.init(encoderSHA256: encoderSHA256, dimension: dimension)
        var position = 52
        for _ in 0..<Int(count) {
            let digest = Array(bytes[position..<(position + 32)])
            var values = [Float](repeating: 0, count: dimension)
            for d in 0..<dimension { values[d] = Float(bitPattern: Self.load(bytes, position + 32 + 4 * d, as: UInt32.self)) }
            guard values.allSatisfy({ $0.isFinite }) else { throw fail("it holds non-finite numbers") }
            entries[Key(digest: digest)] = values
            position += entrySize
        }
    }

    private func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func load<T: FixedWidthInteger>(_ bytes: [UInt8], _ offset: Int, as type: T.Type) -> T {
        bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
    }
}
