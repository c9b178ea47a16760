import Foundation
import Testing
@testable import ParleyNLU
import ParleyCrypto

@Suite("Model file")
struct ModelFileTests {
    static let probes = ["where is my card", "exchange rate", "stolen", "top up failed", "🙂", "", "[EMAIL] card"]

    @Test(arguments: WeightPrecision.allCases)
    func roundTripGivesIdenticalPredictions(precision: WeightPrecision) throws {
        var h = TestData.hyperParameters()
        h.weightPrecision = precision
        h.calibrationFraction = 0.45
        let model = try TestData.model(h)
        let directory = TestData.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("model.parleynlu")
        try ModelFile.write(model, to: url)
        let loaded = try ModelFile.read(from: url)
        #expect(loaded.metadata == model.metadata)
        #expect(loaded.classifier.temperature == model.classifier.temperature)
        for probe in Self.probes {
            #expect(loaded.classifier.probabilities(for: probe) == model.classifier.probabilities(for: probe))
        }
        #expect(try ModelFile.encode(loaded) == ModelFile.encode(model))
    }

    @Test func metadataCarriesVersionHashesHyperParametersAndMetrics() throws {
        let model = try TestData.model()
        let metadata = model.metadata
        #expect(metadata.version.hasPrefix("nlu-20250615-"))
        #expect(metadata.contentHash.count == 64)
        #expect(metadata.trainingDataHash == TestData.trainingData.contentHash)
        #expect(metadata.hyperParameters == TestData.hyperParameters())
        #expect(metadata.intents == ["card_arrival", "exchange_rate", "lost_card", "top_up_failed"])
        #expect(metadata.validationMetrics["temperature"] != nil)
    }

    @Test func everyTruncationIsAnInvalidModelFileError() throws {
        let bytes = try ModelFile.encode(TestData.model(smallModelParameters()))
        for length in 0..<bytes.count {
            #expect(throws: NLUError.self) { try ModelFile.decode(Array(bytes[0..<length]), path: "m") }
        }
    }

    @Test func everyFlippedByteIsAnInvalidModelFileError() throws {
        let bytes = try ModelFile.encode(TestData.model(smallModelParameters()))
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 4000)) {
            var corrupt = bytes
            corrupt[position] ^= 0x5A
            do {
                _ = try ModelFile.decode(corrupt, path: "m")
                Issue.record("byte \(position) flipped was accepted")
            } catch let error {
                guard case .invalidModelFile(path: "m", _) = error else {
                    Issue.record("unexpected error \(error)")
                    continue
                }
            }
        }
    }

    @Test func flippedBytesUnderAReSignedDigestAreErrorsNotCrashes() throws {
        // Whoever crafts a file can fix the (unkeyed) digest: every later check must hold on its own.
        var signed = try ModelFile.encode(TestData.model(smallModelParameters()))
        signed.removeLast(32)
        for position in stride(from: 8, to: signed.count, by: max(1, signed.count / 3000)) {
            for mask: UInt8 in [0x01, 0x80, 0xFF] {
                var corrupt = signed
                corrupt[position] ^= mask
                corrupt += SHA256.hash(corrupt)
                do {
                    _ = try ModelFile.decode(corrupt, path: "m")
                } catch {
                    continue  // the usual outcome
                }
                // A flip the checks cannot see (say, inside a JSON string) must still give a usable model.
                _ = try ModelFile.decode(corrupt, path: "m").classifier.rank("card")
            }
        }
    }

    @Test func inconsistentContentWithAValidChecksumIsRejected() throws {
        // Re-sign a file whose payload was altered: the digest matches, the content hash does not.
        var bytes = try ModelFile.encode(TestData.model(smallModelParameters()))
        bytes.removeLast(32)
        bytes[bytes.count - 1] ^= 0x01
        bytes += SHA256.hash(bytes)
        #expect(throws: NLUError.self) { try ModelFile.decode(bytes, path: "m") }
    }

    @Test func unknownFormatVersionIsAClearError() throws {
        var bytes = try ModelFile.encode(TestData.model(smallModelParameters()))
        bytes.removeLast(32)
        bytes[8] = 99
        bytes += SHA256.hash(bytes)
        do {
            _ = try ModelFile.decode(bytes, path: "m")
            Issue.record("version 99 was accepted")
        } catch {
            #expect(error.description.contains("format version"))
        }
    }

    @Test func foreignFilesAndMissingFilesAreClearErrors() {
        #expect(throws: NLUError.invalidModelFile(path: "x", reason: "it does not start with the Parley model signature")) {
            try ModelFile.decode(Array("{\"not\": \"a model\"}".utf8), path: "x")
        }
        let missing = URL(fileURLWithPath: "/nonexistent/model.parleynlu")
        #expect(throws: NLUError.invalidModelFile(path: missing.path, reason: "it could not be read")) {
            try ModelFile.read(from: missing)
        }
    }

    @Test func readsVersionOneFiles() throws {
        let model = try TestData.model(TestData.hyperParameters(.softmax))
        let bytes = try versionOneBytes(of: model)
        let loaded = try ModelFile.decode(bytes, path: "v1")
        #expect(loaded.classifier.temperature == 1)
        for probe in Self.probes {
            #expect(loaded.classifier.rank(probe).top?.name == model.classifier.rank(probe).top?.name)
        }
    }

    /// A tiny model (few features) so that fuzzing every length stays fast.
    private func smallModelParameters() -> ClassifierHyperParameters {
        var h = TestData.hyperParameters()
        h.features.charNGramMin = 3
        h.features.charNGramMax = 3
        h.features.minDocumentFrequency = 3
        return h
    }

    /// Writes a model the way version 1 did: f32 weights, no precision or
    /// temperature, hyper-parameters without the fields added since.
    private func versionOneBytes(of model: NLUModel) throws -> [UInt8] {
        let classifier = model.classifier
        var payload: [UInt8] = []
        ByteWriter.append(UInt64(classifier.vectorizer.featureCount), to: &payload)
        ByteWriter.append(UInt32(classifier.intents.count), to: &payload)
        ByteWriter.append(UInt64(classifier.vectorizer.wordFeatureCount), to: &payload)
        for hash in classifier.vectorizer.hashes { ByteWriter.append(hash, to: &payload) }
        for value in classifier.vectorizer.idf { ByteWriter.append(value.bitPattern, to: &payload) }
        for value in classifier.weights { ByteWriter.append(value.bitPattern, to: &payload) }
        for value in classifier.bias { ByteWriter.append(value.bitPattern, to: &payload) }
        var metadata = model.metadata
        metadata.contentHash = Hex.encode(SHA256.hash(payload))
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        var header = try JSONSerialization.jsonObject(with: encoder.encode(metadata)) as? [String: Any] ?? [:]
        var hyper = header["hyperParameters"] as? [String: Any] ?? [:]
        for key in ["head", "regularization", "classBalance", "tolerance", "calibrationFraction", "weightPrecision"] { hyper[key] = nil }
        var features = hyper["features"] as? [String: Any] ?? [:]
        features["boundaryMarkers"] = nil
        hyper["features"] = features
        header["hyperParameters"] = hyper
        let headerBytes = Array(try JSONSerialization.data(withJSONObject: header))
        var bytes = Array("PARLEYNL".utf8)
        ByteWriter.append(UInt32(1), to: &bytes)
        ByteWriter.append(UInt32(headerBytes.count), to: &bytes)
        bytes += headerBytes + payload
        bytes += SHA256.hash(bytes)
        return bytes
    }
}
