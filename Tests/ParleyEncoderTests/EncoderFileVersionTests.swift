import Foundation
import Testing
@testable import ParleyEncoder

/// Format versions and the int8 tensors' scales: what loads, and what is refused.
@Suite("Encoder file versions and int8 scales")
struct EncoderFileVersionTests {
    @Test("an i8 file keeps its embedding tables in f16 from version 2, in i8 in version 1")
    func embeddingTablesPrecisionFollowsTheVersion() {
        let c = TinyEncoderFile.configuration
        #expect(EncoderFile.precision(of: "embeddings.word_embeddings.weight", columns: 32, c, version: 2) == "f16")
        #expect(EncoderFile.precision(of: "embeddings.word_embeddings.weight", columns: 32, c, version: 1) == "i8")
        #expect(EncoderFile.precision(of: "encoder.layer.0.output.dense.weight", columns: 32, c, version: 2) == "i8")
        #expect(EncoderFile.precision(of: "embeddings.LayerNorm.weight", columns: 0, c, version: 2) == "f32")
    }

    @Test("files of format 1 and 2 both load, and every kernel embeds them alike", arguments: [UInt32(1), 2])
    func bothVersionsLoad(version: UInt32) throws {
        let bytes = try TinyEncoderFile.bytes(version: version)
        let contents = try EncoderFile.decode(bytes, path: "tiny")
        #expect(contents.tensors["encoder.layer.0.intermediate.dense.weight"]?.quantized.count == 32 * 32)
        #expect(contents.tensors["embeddings.word_embeddings.weight"]?.quantized.isEmpty == (version == 2))
        let url = EncoderFileTests.temporary("tiny-v\(version).parleyenc")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let generic = try SentenceEncoder(contentsOf: url, kernel: .generic).embed("hello worlds")
        for kernel in EncoderKernel.allCases where kernel.isSupported {
            let embedding = try SentenceEncoder(contentsOf: url, kernel: kernel).embed("hello worlds")
            #expect(embedding.count == 32 && embedding.allSatisfy(\.isFinite))
            // The int8 kernels quantise activations to int16: within a few 1e-4 of the float product.
            #expect(EncoderFixture.cosine(embedding, generic) > 0.999, "\(kernel.rawValue)")
        }
    }

    @Test("a format version this reader does not know is refused, naming the versions it reads", arguments: [UInt32(0), 3, .max])
    func unknownVersionIsRefused(version: UInt32) throws {
        let bytes = try TinyEncoderFile.bytes(version: version)
        #expect(throws: EncoderError.invalidEncoderFile(
            path: "tiny", reason: "its format version is not one of 1, 2; convert it again with this Parley's packaging/encoder/convert.py"
        )) {
            try EncoderFile.decode(bytes, path: "tiny")
        }
    }

    @Test("an i8 row scale that is zero, negative or not finite is refused", arguments: [Float(0), -0.01, .nan, .infinity])
    func hostileRowScaleIsRefused(scale: Float) throws {
        let bytes = try TinyEncoderFile.bytes(rowScale: { _, _ in scale })
        #expect(throws: EncoderError.invalidEncoderFile(path: "tiny", reason: "its tensor encoder.layer.0.attention.self.query.weight is truncated or malformed")) {
            try EncoderFile.decode(bytes, path: "tiny")
        }
    }
}
