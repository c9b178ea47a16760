import Foundation
import ParleyCrypto

/// The on-disk model format. Little-endian throughout:
///
/// ```
/// magic "PARLEYNL" (8) ‖ format version u32 ‖ header length u32 ‖ header (JSON ModelMetadata)
/// ‖ payload ‖ SHA-256 of every preceding byte (32)
/// payload v2 = feature count u64 ‖ class count u32 ‖ word feature count u64
///            ‖ weight precision u8 (0 f32, 1 f16, 2 i8) ‖ temperature f32
///            ‖ feature hashes u64 × features (column order) ‖ idf f32 × features
///            ‖ weights (see below) ‖ bias f32 × classes
/// weights: f32 or f16 × features × classes (feature-major), or for i8
///          scale f32 × features ‖ i8 × features × classes (weight = i8 · scale)
/// payload v1 = as v2 without precision and temperature; weights f32 (read only)
/// payload v3 = payload v2 ‖ hybrid stage: dimension u32 ‖ embedding scale f32
///            ‖ temperature f32 ‖ cascade threshold f32 ‖ out-of-scope threshold f32
///            ‖ weights over (features + dimension) rows, as above ‖ bias f32 × classes
///            ‖ centroids f32 × classes × dimension
/// ```
///
/// Version 3 is written for a model with a hybrid stage (its header then has
/// `hybrid`), version 2 for one without.
///
/// The trailing digest catches truncation and corruption; `contentHash` in the
/// header is the SHA-256 of the payload alone and identifies the weights.
/// Version 2 is written; versions 1 and 2 are read. Every failure to read is
/// an ``NLUError/invalidModelFile(path:reason:)``.
public enum ModelFile {
    public static let formatVersion: UInt32 = 2
    /// The version written for a model with a hybrid stage.
    public static let hybridFormatVersion: UInt32 = 3
    public static let readableVersions: ClosedRange<UInt32> = 1...3
    static let magic = Array("PARLEYNL".utf8)

    /// The file's bytes. A model read from a version-1 file is written as
    /// version 2, with the content hash of the new payload in its header.
    public static func encode(_ model: NLUModel) throws(NLUError) -> [UInt8] {
        let payload = payload(of: model.classifier, hybrid: model.hybrid, precision: model.metadata.hyperParameters.weightPrecision)
        var metadata = model.metadata
        metadata.contentHash = Hex.encode(SHA256.hash(payload))
        let header: Data
        do { header = try encoder.encode(metadata) } catch {
            throw .invalidModelFile(path: "(memory)", reason: "metadata could not be encoded")
        }
        var bytes = magic
        ByteWriter.append(model.hybrid == nil ? formatVersion : hybridFormatVersion, to: &bytes)
        ByteWriter.append(UInt32(header.count), to: &bytes)
        bytes += header
        bytes += payload
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
        try decode(readBytes(url), path: url.path)
    }

    public static func decode(_ bytes: [UInt8], path: String) throws(NLUError) -> NLUModel {
        func fail(_ reason: String) -> NLUError { .invalidModelFile(path: path, reason: reason) }
        let (version, metadata, payloadStart) = try decodeHeader(bytes, path: path)
        let body = bytes[0..<(bytes.count - 32)]
        var reader = ByteReader(bytes: body, position: payloadStart)
        guard let featureCount = reader.u64().flatMap({ Int(exactly: $0) }), let classCount = reader.u32().map(Int.init),
              let wordFeatureCount = reader.u64().flatMap({ Int(exactly: $0) }),
              classCount == metadata.intents.count, classCount >= 2,
              wordFeatureCount <= featureCount, (1...FeatureIndex.maximumColumns).contains(featureCount)
        else { throw fail("its weight table has an inconsistent shape") }
        var precision = WeightPrecision.float32
        var temperature: Float = 1
        if version >= 2 {
            guard let code = reader.u8(), let decoded = WeightPrecision(code: code) else {
                throw fail("its weight precision is unknown")
            }
            guard let value = reader.f32(), value.isFinite, value > 0 else { throw fail("its temperature is invalid") }
            precision = decoded
            temperature = value
        }
        guard let hashes = reader.u64s(featureCount), let idf = reader.f32s(featureCount),
              let weights = reader.weights(featureCount, classCount, precision), let bias = reader.f32s(classCount)
        else { throw fail("its weight table is truncated") }
        var hybridSection: HybridSection?
        if version >= 3 {
            guard metadata.hybrid != nil, let section = HybridSection.read(&reader, featureCount: featureCount, classCount: classCount, precision: precision) else {
                throw fail("its hybrid stage is missing, truncated or inconsistent")
            }
            hybridSection = section
        }
        guard reader.isAtEnd else { throw fail("its weight table has trailing bytes") }
        guard Hex.encode(SHA256.hash(body[payloadStart...])) == metadata.contentHash else {
            throw fail("its content hash does not match its header")
        }
        guard idf.allSatisfy(\.isFinite), bias.allSatisfy(\.isFinite), weights.isFinite else {
            throw fail("its weight table holds non-finite numbers")
        }
        guard Set(hashes).count == hashes.count else { throw fail("its vocabulary has duplicate features") }
        guard Set(metadata.intents).count == metadata.intents.count else { throw fail("its intents are not distinct") }
        do { try metadata.hyperParameters.validate() } catch {
            throw fail("its hyper-parameters are invalid (\(error))")
        }
        let vectorizer = Vectorizer(
            configuration: metadata.hyperParameters.features,
            hashes: hashes, idf: idf, wordFeatureCount: wordFeatureCount
        )
        let classifier = IntentClassifier(
            intents: metadata.intents, vectorizer: vectorizer, matrix: weights, bias: bias, temperature: temperature
        )
        return NLUModel(metadata: metadata, classifier: classifier, hybrid: hybridSection?.stage(vectorizer: vectorizer, intents: metadata.intents))
    }

    /// Checks signature, digest and version, and decodes the header.
    static func decodeHeader(_ bytes: [UInt8], path: String) throws(NLUError) -> (version: UInt32, metadata: ModelMetadata, payloadStart: Int) {
        func fail(_ reason: String) -> NLUError { .invalidModelFile(path: path, reason: reason) }
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw fail("it does not start with the Parley model signature")
        }
        guard bytes.count >= magic.count + 8 + 32 else { throw fail("it is truncated") }
        let body = bytes[0..<(bytes.count - 32)]
        guard constantTimeEqual(SHA256.hash(body), Array(bytes[(bytes.count - 32)...])) else {
            throw fail("its checksum does not match (truncated or corrupt)")
        }
        var reader = ByteReader(bytes: body, position: magic.count)
        guard let version = reader.u32(), readableVersions.contains(version) else {
            throw fail("its format version is not one of \(readableVersions); retrain the model with this Parley")
        }
        guard let headerLength = reader.u32(), let header = reader.bytes(Int(headerLength)) else {
            throw fail("its header is truncated")
        }
        let metadata: ModelMetadata
        do { metadata = try decoder.decode(ModelMetadata.self, from: Data(header)) } catch {
            throw fail("its header is not valid model metadata")
        }
        return (version, metadata, reader.position)
    }

    static func payload(of classifier: IntentClassifier, hybrid: HybridStage?, precision: WeightPrecision) -> [UInt8] {
        var bytes = payload(of: classifier, precision: precision)
        if let hybrid { HybridSection.append(hybrid, precision: precision, to: &bytes) }
        return bytes
    }

    static func payload(of classifier: IntentClassifier, precision: WeightPrecision) -> [UInt8] {
        let vectorizer = classifier.vectorizer
        let classCount = classifier.intents.count
        var bytes: [UInt8] = []
        bytes.reserveCapacity(25 + vectorizer.featureCount * (16 + classCount * 4))
        ByteWriter.append(UInt64(vectorizer.featureCount), to: &bytes)
        ByteWriter.append(UInt32(classCount), to: &bytes)
        ByteWriter.append(UInt64(vectorizer.wordFeatureCount), to: &bytes)
        bytes.append(precision.code)
        ByteWriter.append(classifier.temperature.bitPattern, to: &bytes)
        for hash in vectorizer.hashes { ByteWriter.append(hash, to: &bytes) }
        for value in vectorizer.idf { ByteWriter.append(value.bitPattern, to: &bytes) }
        ByteWriter.appendWeights(classifier.matrix, precision: precision, to: &bytes)
        for value in classifier.bias { ByteWriter.append(value.bitPattern, to: &bytes) }
        return bytes
    }

    private static func readBytes(_ url: URL) throws(NLUError) -> [UInt8] {
        do { return Array(try Data(contentsOf: url)) } catch {
            throw .invalidModelFile(path: url.path, reason: "it could not be read")
        }
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
