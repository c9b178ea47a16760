import Foundation
import FuzzSupport
import ParleyCrypto
@testable import ParleyEncoder

/// The sentence-encoder file reader on any bytes (its trailing checksum
/// recomputed, so that mutations reach the parser): it loads an encoder or
/// throws `invalidEncoderFile`, never traps or allocates what the file's
/// header claims before the bytes are there; an encoder it loads embeds a
/// sentence into a finite vector.
///
/// With PARLEY_FUZZ_WRITE_SEED=PATH set, writes a tiny valid encoder file
/// there (32 wide, one layer, int8) and exits instead.
@_cdecl("LLVMFuzzerInitialize")
public func fuzzEncoderFileInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    guard let path = ProcessInfo.processInfo.environment["PARLEY_FUZZ_WRITE_SEED"] else { return 0 }
    do { try Data(TinyEncoder.fileBytes()).write(to: URL(fileURLWithPath: path)) } catch {
        fatalError("the seed encoder cannot be written")
    }
    exit(0)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzEncoderFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Checksum.resealed(FuzzInput(data, size).bytes, magic: EncoderFile.magic)
    let file = FuzzPaths.scratchFile("encoder.parleyenc", bytes)
    guard let encoder = try? SentenceEncoder(contentsOf: file, kernel: .generic) else { return 0 }
    let embedding = encoder.embed("hello worlds")
    fuzzRequire(embedding.count == encoder.dimension && embedding.allSatisfy(\.isFinite), "a loaded encoder embeds into finite numbers")
    return 0
}

/// The smallest encoder file the reader accepts, in the layout of
/// packaging/encoder/convert.py.
enum TinyEncoder {
    static func fileBytes() -> [UInt8] {
        let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "hello", "world", "##s"]
        let configuration = EncoderConfiguration(
            name: "fuzz-seed", licence: "CC0-1.0",
            source: .init(package: "none", version: "0", weightsSHA256: String(repeating: "0", count: 64)),
            hidden: 32, layers: 1, heads: 2, intermediate: 32, maxPositions: 8, maxTokens: 8, typeVocabSize: 1,
            vocabSize: vocabulary.count, layerNormEps: 1e-12, lowercase: true, stripAccents: true,
            pooling: "mean", normalize: true, precision: "i8"
        )
        var bytes = EncoderFile.magic
        func u32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes += $0 } }
        func f32(_ value: Float) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        let header: Data
        do { header = try JSONEncoder().encode(configuration) } catch { fatalError("the seed header cannot be encoded") }
        u32(Int(EncoderFile.formatVersion))
        u32(header.count)
        bytes += header
        let vocabularyBytes = Array(vocabulary.joined(separator: "\n").utf8)
        u32(vocabularyBytes.count)
        bytes += vocabularyBytes
        var counter = 0
        for (name, rows, columns) in EncoderFile.tensorLayout(configuration) {
            if columns == 0 {
                for _ in 0..<rows { f32(name.hasSuffix("LayerNorm.weight") ? 1 : 0) }
                continue
            }
            for _ in 0..<rows { f32(0.01) }
            for _ in 0..<(rows * columns) {
                counter += 1
                bytes.append(UInt8(bitPattern: Int8(counter % 7 - 3)))
            }
        }
        return bytes + SHA256.hash(bytes)
    }
}

@_cdecl("fuzz_encoder_file_main")
public func fuzzEncoderFileMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzEncoderFile)
}
