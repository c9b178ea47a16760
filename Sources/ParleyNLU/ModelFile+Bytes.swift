/// Little-endian writes for ``ModelFile``.
enum ByteWriter {
    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    static func appendWeights(_ matrix: WeightMatrix, precision: WeightPrecision, to bytes: inout [UInt8]) {
        // A matrix already in the precision wanted is written as it is, else re-rounded.
        let stored: WeightMatrix
        switch (precision, matrix.storage) {
        case (.int8, .int8), (.float32, .float): stored = matrix
        default: stored = WeightMatrix(precision.rounded(matrix.floats, classCount: matrix.classCount), classCount: matrix.classCount, precision: precision)
        }
        switch stored.storage {
        case let .float(weights):
            if precision == .float16 {
                for value in weights { append(HalfFloat.encode(value), to: &bytes) }
            } else {
                for value in weights { append(value.bitPattern, to: &bytes) }
            }
        case let .int8(values, scales):
            for scale in scales { append(scale.bitPattern, to: &bytes) }
            bytes.append(contentsOf: values.map { UInt8(bitPattern: $0) })
        }
    }
}

/// Bounds-checked little-endian reads; every read returns nil past the end.
struct ByteReader {
    let bytes: ArraySlice<UInt8>
    var position: Int

    var isAtEnd: Bool { position == bytes.endIndex }

    private var remaining: Int { bytes.endIndex - position }

    mutating func bytes(_ count: Int) -> [UInt8]? {
        guard count >= 0, count <= remaining else { return nil }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    mutating func u8() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func u32() -> UInt32? { integer() }
    mutating func u64() -> UInt64? { integer() }
    mutating func f32() -> Float? { u32().map { Float(bitPattern: $0) } }

    mutating func u64s(_ count: Int) -> [UInt64]? { array(count) { (raw: UInt64) in raw } }
    mutating func f32s(_ count: Int) -> [Float]? { array(count) { (raw: UInt32) in Float(bitPattern: raw) } }

    /// A `rows × classCount` weight table in the given precision.
    mutating func weights(_ rows: Int, _ classCount: Int, _ precision: WeightPrecision) -> WeightMatrix? {
        let (count, overflow) = rows.multipliedReportingOverflow(by: classCount)
        guard !overflow else { return nil }
        switch precision {
        case .float32:
            return f32s(count).map { WeightMatrix($0, classCount: classCount, precision: .float32) }
        case .float16:
            return array(count) { (raw: UInt16) in HalfFloat.decode(raw) }.map { WeightMatrix($0, classCount: classCount, precision: .float16) }
        case .int8:
            guard let scales = f32s(rows), let raw = bytes(count) else { return nil }
            // Scales are powers of two by construction; anything else was not written by Parley.
            guard scales.allSatisfy({ $0 > 0 && $0.isFinite && $0.significandBitPattern == 0 }) else { return nil }
            return WeightMatrix(int8: raw.map { Int8(bitPattern: $0) }, scales: scales, classCount: classCount)
        }
    }

    private mutating func integer<T: FixedWidthInteger>() -> T? {
        let size = MemoryLayout<T>.size
        guard size <= remaining else { return nil }
        var value: T = 0
        for offset in 0..<size { value |= T(bytes[position + offset]) << (8 * offset) }
        position += size
        return value
    }

    private mutating func array<Raw: FixedWidthInteger, Value>(_ count: Int, _ map: (Raw) -> Value) -> [Value]? {
        let size = MemoryLayout<Raw>.size
        guard count >= 0, count <= remaining / size else { return nil }
        var values: [Value] = []
        values.reserveCapacity(count)
        bytes.withUnsafeBytes { raw in
            let base = position - bytes.startIndex
            for index in 0..<count {
                let value = raw.loadUnaligned(fromByteOffset: base + index * size, as: Raw.self)
                values.append(map(Raw(littleEndian: value)))
            }
        }
        position += count * size
        return values
    }
}
