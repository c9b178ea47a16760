extension Redactor {
    /// Replaces each detected span according to the policy's operator for its type.
    ///
    /// Text without personal data is returned unchanged (same string, no copy).
    public func redact(_ text: String) -> RedactionResult {
        redact(text) { _ in }
    }

    /// The same, calling `lap` at the end of each stage (`redaction-bench --stages`).
    @_spi(Benchmarks) public func redact(_ text: String, lap: (RedactionStage) -> Void) -> RedactionResult {
        var copy = text
        return copy.withUTF8 { bytes in
            let input = ScanInput(bytes: bytes)
            let spans = resolvedCandidates(in: input, lap: lap)
            guard !spans.isEmpty else { return RedactionResult(redactedText: text, spans: [], vaulted: []) }
            var writer = RedactionWriter(input: input, spanCount: spans.count)
            for span in spans {
                let choice = operators[span.type.index]
                switch choice {
                case .placeholder:
                    writer.replace(span, with: span.type.placeholder, operatorKind: .placeholder, value: nil)
                case .drop:
                    writer.replace(span, with: nil, operatorKind: .drop, value: nil)
                case .mask, .hash, .vault:
                    let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self)
                    let replacement = choice.replacement(for: value, type: span.type, hasher: hasher)
                    writer.replace(span, with: replacement, operatorKind: choice.kind, value: value)
                }
            }
            let result = writer.finish()
            lap(.replacement)
            return result
        }
    }
}

/// Builds the redacted text and the scalar offsets of each replacement.
struct RedactionWriter {
    private let input: ScanInput
    private var output: [UInt8] = []
    private var outputScalars = 0
    private var cursor = 0
    /// Scalar offset of `cursor` in the original text.
    private var cursorScalars = 0
    private var originalMapper: ScalarOffsetMapper
    private var spans: [RedactedSpan] = []
    private var vaulted: [VaultedValue] = []

    init(input: ScanInput, spanCount: Int) {
        self.input = input
        self.originalMapper = ScalarOffsetMapper(input: input)
        // Placeholders are usually longer than the values they replace.
        output.reserveCapacity(input.count + 16 * spanCount)
        spans.reserveCapacity(spanCount)
    }

    /// `replacement == nil` drops the value.
    mutating func replace(_ span: Candidate, with replacement: String?, operatorKind: RedactionOperator.Kind, value: String?) {
        let originalStart = originalMapper.scalarOffset(ofByte: span.start)
        let originalEnd = originalMapper.scalarOffset(ofByte: span.end)
        output.append(contentsOf: input.bytes[cursor..<span.start])
        outputScalars += originalStart - cursorScalars
        cursor = span.end
        cursorScalars = originalEnd
        let redactedStart: Int
        if let replacement {
            redactedStart = outputScalars
            let start = output.count
            output.append(contentsOf: replacement.utf8)
            for index in start..<output.count where output[index].isScalarStart { outputScalars += 1 }
        } else {
            tidyAfterDrop()
            redactedStart = outputScalars
        }
        let redactedEnd = outputScalars
        spans.append(
            RedactedSpan(
                type: span.type, originalStart: originalStart, originalEnd: originalEnd,
                redactedStart: redactedStart, redactedEnd: redactedEnd, operatorKind: operatorKind,
                score: span.score, detector: span.detector))
        if operatorKind == .vault, let value {
            vaulted.append(
                VaultedValue(
                    type: span.type, value: value, originalStart: originalStart, originalEnd: originalEnd,
                    redactedStart: redactedStart, redactedEnd: redactedEnd))
        }
    }

    mutating func finish() -> RedactionResult {
        output.append(contentsOf: input.bytes[cursor..<input.count])
        return RedactionResult(redactedText: String(decoding: output, as: UTF8.self), spans: spans, vaulted: vaulted)
    }

    /// After removing a value, avoid a doubled space, a leading space, or a space
    /// before punctuation.
    private mutating func tidyAfterDrop() {
        let next = input.byte(at: cursor)
        let previous = output.last
        let atLineStart = previous == nil || previous == 0x0A
        if next == 0x20, atLineStart || previous == 0x20 {
            cursor += 1
            cursorScalars += 1
        } else if previous == 0x20, next == 0 || Self.closesPhrase(next) {
            output.removeLast()
            outputScalars -= 1
        }
    }

    private static func closesPhrase(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2E, 0x2C, 0x3B, 0x3A, 0x21, 0x3F, 0x29, 0x5D, 0x0A: return true
        default: return false
        }
    }
}
