import Foundation
import CParleyKernels
import ParleyCrypto

/// Reads Parley encoder files, written by `packaging/encoder/convert.py`
/// (which documents the format byte by byte):
///
/// ```
/// "PARLEYEN" (8) ‖ format version u32 ‖ header length u32 ‖ header (JSON EncoderConfiguration)
/// ‖ vocabulary length u32 ‖ WordPiece tokens joined by "\n"
/// ‖ tensors (vectors f32; matrices f32, f16, or i8 with an f32 scale per row,
///   an i8 file's embedding tables f16)
/// ‖ SHA-256 of every preceding byte (32)
/// ```
///
/// Every failure, from a missing file to a flipped bit, is an
/// ``EncoderError/invalidEncoderFile(path:reason:)``.
public enum EncoderFile {
    public static let formatVersion: UInt32 = 2
    /// Version 1 differs only in an i8 file's embedding tables (i8 then), so its files still load.
    static let readableVersions: ClosedRange<UInt32> = 1...2
    static let magic = Array("PARLEYEN".utf8)

    /// The configuration, vocabulary and weights (as floats, in the file's order).
    struct Contents {
        var configuration: EncoderConfiguration
        var vocabulary: [String]
        var tensors: [String: Tensor]
        /// SHA-256 of the whole file (hex).
        var digest: String
    }

    struct Tensor {
        var rows: Int
        var columns: Int
        /// The weights as floats (an i8 matrix dequantised).
        var values: [Float]
        /// An i8 matrix as stored: `values[r · columns + c] == Float(quantized[r · columns + c]) · scales[r]`; empty otherwise.
        var quantized: [Int8] = []
        var scales: [Float] = []
    }

    static func read(_ url: URL) throws(EncoderError) -> Contents {
        let bytes: [UInt8]
        do { bytes = Array(try Data(contentsOf: url, options: .mappedIfSafe)) } catch {
            throw .invalidEncoderFile(path: url.path, reason: FileManager.default.fileExists(atPath: url.path) ? "it could not be read" : "it does not exist")
        }
        return try decode(bytes, path: url.path)
    }

    static func decode(_ bytes: [UInt8], path: String) throws(EncoderError) -> Contents {
        func fail(_ reason: String) -> EncoderError { .invalidEncoderFile(path: path, reason: reason) }
        guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
            throw fail("it does not start with the Parley encoder signature")
        }
        guard bytes.count > magic.count + 8 + 32 else { throw fail("it is truncated") }
        let bodyEnd = bytes.count - 32
        guard constantTimeEqual(SHA256.hash(bytes[0..<bodyEnd]), Array(bytes[bodyEnd...])) else {
            throw fail("its checksum does not match (truncated or corrupt)")
        }
        let digest = Hex.encode(SHA256.hash(bytes))
        var reader = Reader(bytes: bytes, end: bodyEnd, position: magic.count)
        guard let version = reader.u32(), readableVersions.contains(version) else {
            throw fail("its format version is not one of \(readableVersions.map(String.init).joined(separator: ", ")); convert it again with this Parley's packaging/encoder/convert.py")
        }
        guard let headerLength = reader.u32(), let header = reader.bytes(Int(headerLength)) else { throw fail("its header is truncated") }
        let configuration: EncoderConfiguration
        do { configuration = try JSONDecoder().decode(EncoderConfiguration.self, from: Data(header)) } catch {
            throw fail("its header is not a valid encoder configuration")
        }
        if let problem = configuration.validate() { throw fail(problem) }
        guard let vocabularyLength = reader.u32(), let vocabularyBytes = reader.bytes(Int(vocabularyLength)) else {
            throw fail("its vocabulary is truncated")
        }
        let vocabulary = String(decoding: vocabularyBytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard vocabulary.count == configuration.vocabSize else { throw fail("its vocabulary has \(vocabulary.count) tokens, not \(configuration.vocabSize)") }
        guard Set(vocabulary).count == vocabulary.count else { throw fail("its vocabulary has duplicate tokens") }
        for special in ["[PAD]", "[UNK]", "[CLS]", "[SEP]"] where !vocabulary.contains(special) {
            throw fail("its vocabulary lacks \(special)")
        }
        var tensors: [String: Tensor] = [:]
        for (name, rows, columns) in tensorLayout(configuration) {
            guard let tensor = reader.tensor(rows: rows, columns: columns, precision: precision(of: name, columns: columns, configuration, version: version)) else {
                throw fail("its tensor \(name) is truncated or malformed")
            }
            guard tensor.values.allSatisfy({ $0.isFinite }) else { throw fail("its tensor \(name) holds non-finite numbers") }
            tensors[name] = tensor
        }
        guard reader.isAtEnd else { throw fail("it has trailing bytes after its tensors") }
        return Contents(configuration: configuration, vocabulary: vocabulary, tensors: tensors, digest: digest)
    }

    /// How a tensor is stored: vectors in f32; matrices in the file's precision, except that an
    /// i8 file of version 2 keeps its embedding tables (looked up, not multiplied) in f16.
    static func precision(of name: String, columns: Int, _ c: EncoderConfiguration, version: UInt32 = formatVersion) -> String {
        if columns == 0 { return "f32" }
        return version >= 2 && c.precision == "i8" && name.hasPrefix("embeddings.") ? "f16" : c.precision
    }

    /// Names and shapes in file order; `columns` 0 marks a vector of `rows` values.
    static func tensorLayout(_ c: EncoderConfiguration) -> [(String, Int, Int)] {
        var layout: [(String, Int, Int)] = [
            ("embeddings.word_embeddings.weight", c.vocabSize, c.hidden),
            ("embeddings.position_embeddings.weight", c.maxPositions, c.hidden),
            ("embeddings.token_type_embeddings.weight", c.typeVocabSize, c.hidden),
            ("embeddings.LayerNorm.weight", c.hidden, 0),
            ("embeddings.LayerNorm.bias", c.hidden, 0),
        ]
        for layer in 0..<c.layers {
            let p = "encoder.layer.\(layer)."
            for part in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense"] {
                layout += [(p + part + ".weight", c.hidden, c.hidden), (p + part + ".bias", c.hidden, 0)]
            }
            layout += [
                (p + "attention.output.LayerNorm.weight", c.hidden, 0), (p + "attention.output.LayerNorm.bias", c.hidden, 0),
                (p + "intermediate.dense.weight", c.intermediate, c.hidden), (p + "intermediate.dense.bias", c.intermediate, 0),
                (p + "output.dense.weight", c.hidden, c.intermediate), (p + "output.dense.bias", c.hidden, 0),
                (p + "output.LayerNorm.weight", c.hidden, 0), (p + "output.LayerNorm.bias", c.hidden, 0),
            ]
        }
        return layout
    }

    /// Bounds-checked little-endian reads of `bytes[..<end]`; nil past the end.
    private struct Reader {
        let bytes: [UInt8]
        let end: Int
        var position: Int

        var isAtEnd: Bool { position == end }
        private var remaining: Int { end - position }

        private func load<T: FixedWidthInteger>(_ offset: Int, as type: T.Type) -> T {
            bytes.withUnsafeBytes { T(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        }

        mutating func u32() -> UInt32? {
            guard remaining >= 4 else { return nil }
            defer { position += 4 }
            return load(position, as: UInt32.self)
        }

        mutating func bytes(_ count: Int) -> [UInt8]? {
            guard count >= 0, remaining >= count else { return nil }
            defer { position += count }
            return Array(bytes[position..<(position + count)])
        }

        /// The bytes a tensor of `count` values takes in `precision`, or nil on overflow.
        private static func storedSize(rows: Int, count: Int, precision: String) -> Int? {
            let (size, overflow): (Int, Bool)
            switch precision {
            case "f32": (size, overflow) = count.multipliedReportingOverflow(by: 4)
            case "f16": (size, overflow) = count.multipliedReportingOverflow(by: 2)
            default:
                let (scales, scalesOverflow) = rows.multipliedReportingOverflow(by: 4)
                let (total, totalOverflow) = scales.addingReportingOverflow(count)
                (size, overflow) = (total, scalesOverflow || totalOverflow)
            }
            return overflow ? nil : size
        }

        mutating func tensor(rows: Int, columns: Int, precision: String) -> Tensor? {
            let width = max(columns, 1)
            let (count, overflow) = rows.multipliedReportingOverflow(by: width)
            // The header's sizes are claims until the bytes are there: check before allocating.
            guard rows >= 0, columns >= 0, !overflow, let size = Self.storedSize(rows: rows, count: count, precision: precision),
                  remaining >= size
            else { return nil }
            var values = [Float](repeating: 0, count: count)
            let start = position
            switch precision {
            case "f32":
                values.withUnsafeMutableBytes { out in
                    bytes.withUnsafeBytes { raw in out.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + 4 * count)])) }
                }
                position += 4 * count
            case "f16":
                var halves = [UInt16](repeating: 0, count: count)
                halves.withUnsafeMutableBytes { out in
                    bytes.withUnsafeBytes { raw in out.copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[start..<(start + 2 * count)])) }
                }
                values.withUnsafeMutableBufferPointer { out in pk_f16_to_f32(halves, count, out.baseAddress!) }
                position += 2 * count
            default:
                var scales = [Float](repeating: 0, count: rows)
                var quantized = [Int8](repeating: 0, count: count)
                for row in 0..<rows {
                    let scale = Float(bitPattern: load(start + 4 * row, as: UInt32.self))
                    guard scale.isFinite, scale > 0 else { return nil }
                    scales[row] = scale
                    let base = start + 4 * rows + row * width
                    for column in 0..<width {
                        let q = Int8(bitPattern: bytes[base + column])
                        quantized[row * width + column] = q
                        values[row * width + column] = Float(q) * scale
                    }
                }
                position += 4 * rows + count
                return Tensor(rows: rows, columns: columns, values: values, quantized: quantized, scales: scales)
            }
            return Tensor(rows: rows, columns: columns, values: values)
        }
    }
}
