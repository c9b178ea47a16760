import Foundation
import ParleyCrypto
@testable import ParleyEncoder

/// The smallest encoder files the reader accepts (32 wide, one layer), in the
/// layout of packaging/encoder/convert.py, with a header the tests may bend.
enum TinyEncoderFile {
    static let vocabulary = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "hello", "world", "##s"]

    static var configuration: EncoderConfiguration {
        EncoderConfiguration(
            name: "tiny", licence: "CC0-1.0",
            source: .init(package: "none", version: "0", weightsSHA256: String(repeating: "0", count: 64)),
            hidden: 32, layers: 1, heads: 2, intermediate: 32, maxPositions: 8, maxTokens: 8, typeVocabSize: 1,
            vocabSize: vocabulary.count, layerNormEps: 1e-12, lowercase: true, stripAccents: true,
            pooling: "mean", normalize: true, precision: "i8"
        )
    }

    /// The file for `header`, its tensors sized for `tensorsFor` (the header
    /// itself by default: a header that lies about its sizes gets the bytes of
    /// the tiny shape), in format `version`, ending in the right checksum.
    /// `layerNormWeight` is every LayerNorm's scale (1 unless told); `rowScale`
    /// the int8 scale of a matrix's row (0.01 unless told).
    static func bytes(
        header: EncoderConfiguration = configuration, tensorsFor shape: EncoderConfiguration? = nil, version: UInt32 = EncoderFile.formatVersion,
        layerNormWeight: Float = 1, rowScale: (_ tensor: String, _ row: Int) -> Float = { _, _ in 0.01 }
    ) throws -> [UInt8] {
        var bytes = EncoderFile.magic
        func u32(_ value: Int) { withUnsafeBytes(of: UInt32(value).littleEndian) { bytes += $0 } }
        func f32(_ value: Float) { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 } }
        let json = Array(try JSONEncoder().encode(header))
        u32(Int(version))
        u32(json.count)
        bytes += json
        let vocabularyBytes = Array(vocabulary.joined(separator: "\n").utf8)
        u32(vocabularyBytes.count)
        bytes += vocabularyBytes
        var counter = 0
        for (name, rows, columns) in EncoderFile.tensorLayout(shape ?? header) {
            if columns == 0 {
                for _ in 0..<rows { f32(name.hasSuffix("LayerNorm.weight") ? layerNormWeight : 0) }
                continue
            }
            if EncoderFile.precision(of: name, columns: columns, shape ?? header, version: version) == "f16" {
                for _ in 0..<(rows * columns) {
                    counter += 1
                    withUnsafeBytes(of: Float16(Float(counter % 7 - 3) / 100).bitPattern.littleEndian) { bytes += $0 }
                }
                continue
            }
            for row in 0..<rows { f32(rowScale(name, row)) }
            for _ in 0..<(rows * columns) {
                counter += 1
                bytes.append(UInt8(bitPattern: Int8(counter % 7 - 3)))
            }
        }
        return bytes + SHA256.hash(bytes)
    }
}
