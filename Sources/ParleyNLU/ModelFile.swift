import Foundation
import ParleyCrypto

/// The on-disk model format, version 1. Little-endian throughout:
///
/// ```
/// magic "PARLEYNL" (8) ‖ format version u32 ‖ header length u32 ‖ header (JSON ModelMetadata)
/// ‖ payload ‖ SHA-256 of every preceding byte (32)
/// payload = feature count u64 ‖ class count u32 ‖ word feature count u64
///         ‖ feature hashes u64 × features (column order) ‖ idf f32 × features
///         ‖ weights f32 × features × classes ‖ bias f32 × classes
/// ```
///
/// The trailing digest catches truncation and corruption; `contentHash` in the
/// header is the SHA-256 of the payload alone and identifies the weights.
public enum ModelFile {
    public static let formatVersion: UInt32 = 1
    static let magic = Array("PARLEYNL".utf8)

    public static func encode(_ model: NLUModel) throws(NLUError) -> [UInt8] {
        let header: Data
        do { header = try encoder.encode(model.metadata) } catch {
            throw .invalidModelFile(path: "(memory)", reason: "metadata could not be encoded")
        }
        var bytes = magic
        append(formatVersion, to: &bytes)
        append(UInt32(header.count), to: &bytes)
        bytes += header
        bytes += payload(of: model.classifier)
        bytes += SHA256.hash(bytes)
        return bytes
    }

    public static func write(_ model: NLUModel, to url: URL) throws(NLUError) {
        let bytes = try encode(model)
        do {
            try Data(bytes).write(to: url, options: [.atomic])
        } catch {
            throw .invalidModelFile(path: url.path, reason: "it could not be written")
        }
    }

    public static func read(from url: URL) throws(NLUError) -> NLUModel {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw .invalidModelFile(path: url.path, reason: "it could not be read")
        }
        return try decode(Array(data), path: url.path)
    }

    /// Reads only the metadata (for listings), still checking the digest.
    public static func readMetadata(from url: URL) throws(NLUError) -> ModelMetadata {
        try read(from: url).metadata
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(NLUError) -> NLUModel {
        func fail(_ reason: String) -> NLUError { .invalidModelFile(path: path, reason: reason) }
        guard bytes.count >= magic.count + 8 + 32, Array(bytes[0..<magic.count]) == magic else {
            throw fail("it does not start with the Parley model signature")
        }
        let body = bytes[0..<(bytes.count - 32)]
        guard constantTimeEqual(SHA256.hash(body), Array(bytes[(bytes.count - 32)...])) else {
            throw fail("its checksum does not match (truncated or corrupt)")
        }
        var reader = ByteReader(bytes: Array(body), position: magic.count)
        guard let version = reader.u32(), version == formatVersion else {
            throw fail("format version is not \(formatVersion); retrain the model with this Parley")
        }
        guard let headerLength = reader.u32(), let header = reader.bytes(Int(headerLength)) else {
            throw fail("its header is truncated")
        }
        let metadata: ModelMetadata
        do { metadata = try decoder.decode(ModelMetadata.self, from: Data(header)) } catch {
            throw fail("its header is not valid model metadata")
        }
        let payloadStart = reader.position
        guard let featureCount = reader.u64().map(Int.init), let classCount = reader.u32().map(Int.init),
              let wordFeatureCount = reader.u64().map(Int.init),
              classCount == metadata.intents.count, classCount >= 2,
              wordFeatureCount <= featureCount, featureCount < 1 << 28
        else { throw fail("its weight table has an inconsistent shape") }
        guard let hashes = reader.u64s(featureCount), let idf = reader.f32s(featureCount),
              let weights = reader.f32s(featureCount * classCount), let bias = reader.f32s(classCount),
              reader.isAtEnd
        else { throw fail("its weight table is truncated or has trailing bytes") }
        guard Hex.encode(SHA256.hash(body[payloadStart...])) == metadata.contentHash else {
            throw fail("its content hash does not match its header")
        }
        var vocabulary: [UInt64: Int32] = [:]
        vocabulary.reserveCapacity(featureCount)
        for (column, hash) in hashes.enumerated() { vocabulary[hash] = Int32(column) }
        let vectorizer = Vectorizer(
            configuration: metadata.hyperParameters.features,
            vocabulary: vocabulary, idf: idf, wordFeatureCount: wordFeatureCount
        )
        let classifier = IntentClassifier(intents: metadata.intents, vectorizer: vectorizer, weights: weights, bias: bias)
        return NLUModel(metadata: metadata, classifier: classifier)
    }

    static func payload(of classifier: IntentClassifier) -> [UInt8] {
        let vectorizer = classifier.vectorizer
        var bytes: [UInt8] = []
        bytes.reserveCapacity(20 + vectorizer.featureCount * 12 + classifier.weights.count * 4)
        append(UInt64(vectorizer.featureCount), to: &bytes)
        append(UInt32(classifier.intents.count), to: &bytes)
        append(UInt64(vectorizer.wordFeatureCount), to: &bytes)
        var hashes = [UInt64](repeating: 0, count: vectorizer.featureCount)
        for (hash, column) in vectorizer.vocabulary { hashes[Int(column)] = hash }
        for hash in hashes { append(hash, to: &bytes) }
        for value in vectorizer.idf { append(value.bitPattern, to: &bytes) }
        for value in classifier.weights { append(value.bitPattern, to: &bytes) }
        for value in classifier.bias { append(value.bitPattern, to: &bytes) }
        return bytes
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }
}

/// Bounds-checked little-endian reads; every read returns nil past the end.
private struct ByteReader {
    let bytes: [UInt8]
    var position: Int

    var isAtEnd: Bool { position == bytes.count }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= bytes.count - position else { return nil }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    mutating func u32() -> UInt32? { integer() }
    mutating func u64() -> UInt64? { integer() }

    mutating func u64s(_ count: Int) -> [UInt64]? { array(count) { $0 } }
    mutating func f32s(_ count: Int) -> [Float]? { array(count) { Float(bitPattern: $0) } }

    private mutating func integer<T: FixedWidthInteger>() -> T? {
        let size = MemoryLayout<T>.size
        guard size <= bytes.count - position else { return nil }
        var value: T = 0
        for offset in 0..<size { value |= T(bytes[position + offset]) << (8 * offset) }
        position += size
        return value
    }

    private mutating func array<Raw: FixedWidthInteger, Value>(_ count: Int, _ map: (Raw) -> Value) -> [Value]? {
        let size = MemoryLayout<Raw>.size
        guard count >= 0, count <= (bytes.count - position) / size else { return nil }
        var values: [Value] = []
        values.reserveCapacity(count)
        bytes.withUnsafeBytes { raw in
            for index in 0..<count {
                let value = raw.loadUnaligned(fromByteOffset: position + index * size, as: Raw.self)
                values.append(map(Raw(littleEndian: value)))
            }
        }
        position += count * size
        return values
    }
}
