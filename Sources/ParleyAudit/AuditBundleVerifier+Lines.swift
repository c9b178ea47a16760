/// Steps 5 to 8 of "VERIFYING A BUNDLE": the lines after the checkpoint.
extension AuditBundleVerifier {
    /// Entry lines first…last, each proven, contiguous and in order (steps 5 to 7).
    static func verifyEntries(
        _ lines: [ArraySlice<UInt8>], terminated: Bool, statement: ExportStatement, report start: VerificationReport
    ) -> VerificationReport {
        var report = start
        func failed(_ kind: VerificationReport.FailureKind, _ line: Int, _ sequence: UInt64?, _ found: UInt64?, _ message: String) -> VerificationReport {
            report.status = .failed
            report.failure = .init(kind: kind, line: line, sequence: sequence, foundSequence: found, message: message)
            return report
        }
        let first = statement.firstSequence, last = statement.lastSequence
        let parsed = lines.map(ProvenLine.decode)
        var firstLineOfSequence = [UInt64: Int]()
        for (offset, line) in parsed.enumerated() {
            if let sequence = line?.entry.sequence, firstLineOfSequence[sequence] == nil {
                firstLineOfSequence[sequence] = offset + 3
            }
        }
        let expectedCount = last - first + 1
        var outsidePeriod = 0
        for (offset, bytes) in lines.enumerated() {
            let lineNumber = offset + 3
            guard UInt64(offset) < expectedCount else {
                return failed(.unexpectedLine, lineNumber, nil, nil, "more entry lines than sequences \(first)…\(last)")
            }
            let expected = first + UInt64(offset)
            guard offset < lines.count - 1 || terminated else {
                return failed(.malformedBundle, lineNumber, expected, nil, "the last line does not end with a newline")
            }
            switch ProvenLine.check(bytes, decoded: parsed[offset], type: BundleLines.entryType, expectedSequence: expected,
                                    checkpoint: statement.checkpoint) {
            case let .failure(.malformed(message)):
                return failed(.malformedEntry, lineNumber, expected, nil, message)
            case let .failure(.sequence(found)):
                let (kind, message) = misplaced(expected: expected, found: found, line: lineNumber, statement: statement,
                                                firstLineOfSequence: firstLineOfSequence)
                return failed(kind, lineNumber, expected, found, message)
            case let .failure(.leafIndex(index)):
                return failed(.leafIndexMismatch, lineNumber, expected, nil, "leaf index \(index) is not sequence − 1 (\(expected - 1))")
            case let .failure(.proof(message)):
                return failed(.inclusionProof, lineNumber, expected, nil, message)
            case let .success(entry):
                if entry.time < statement.periodFrom || entry.time >= statement.periodTo {
                    outsidePeriod += 1
                    if outsidePeriod <= maximumWarnings {
                        report.warnings.append("sequence \(expected) (line \(lineNumber)) is dated \(entry.time), outside the period")
                    }
                }
                report.entriesVerified += 1
            }
        }
        if outsidePeriod > maximumWarnings {
            report.warnings.append("\(outsidePeriod - maximumWarnings) more entries are dated outside the period")
        }
        guard UInt64(lines.count) == expectedCount else {
            let missing = first + UInt64(lines.count)
            return failed(.missingEntry, lines.count + 3, missing, nil,
                          "the bundle ends before sequence \(missing); the header promises up to \(last)")
        }
        report.status = .verified
        return report
    }

    /// The neighbours of an empty period (step 8): entry last (if ≥ 1) dated
    /// before the period, then entry first (if within the tree) dated at or
    /// after its end, each proven; no other line.
    static func verifyNeighbours(
        _ lines: [ArraySlice<UInt8>], terminated: Bool, statement: ExportStatement, report start: VerificationReport
    ) -> VerificationReport {
        var report = start
        func failed(_ kind: VerificationReport.FailureKind, _ line: Int, _ sequence: UInt64?, _ found: UInt64?, _ message: String) -> VerificationReport {
            report.status = .failed
            report.failure = .init(kind: kind, line: line, sequence: sequence, foundSequence: found, message: message)
            return report
        }
        var expected = [UInt64]()
        if statement.lastSequence >= 1 { expected.append(statement.lastSequence) }
        if statement.firstSequence <= statement.checkpoint.size { expected.append(statement.firstSequence) }
        for (offset, bytes) in lines.enumerated() {
            let lineNumber = offset + 3
            guard offset < expected.count else {
                return failed(.unexpectedLine, lineNumber, nil, nil,
                              "an empty bundle has \(expected.count) neighbour line\(expected.count == 1 ? "" : "s") and no other")
            }
            let sequence = expected[offset]
            guard offset < lines.count - 1 || terminated else {
                return failed(.malformedBundle, lineNumber, sequence, nil, "the last line does not end with a newline")
            }
            switch ProvenLine.check(bytes, decoded: ProvenLine.decode(bytes), type: BundleLines.neighbourType,
                                    expectedSequence: sequence, checkpoint: statement.checkpoint) {
            case let .failure(.malformed(message)):
                return failed(.malformedEntry, lineNumber, sequence, nil, message)
            case let .failure(.sequence(found)):
                return failed(.misplacedEntry, lineNumber, sequence, found, "the neighbour here must be entry \(sequence), found \(found)")
            case let .failure(.leafIndex(index)):
                return failed(.leafIndexMismatch, lineNumber, sequence, nil, "leaf index \(index) is not sequence − 1 (\(sequence - 1))")
            case let .failure(.proof(message)):
                return failed(.inclusionProof, lineNumber, sequence, nil, message)
            case let .success(entry):
                if sequence == statement.lastSequence, entry.time >= statement.periodFrom {
                    return failed(.neighbourTime, lineNumber, sequence, nil,
                                  "entry \(sequence), before the empty period, is dated \(entry.time), not before \(statement.periodFrom)")
                }
                if sequence == statement.firstSequence, entry.time < statement.periodTo {
                    return failed(.neighbourTime, lineNumber, sequence, nil,
                                  "entry \(sequence), after the empty period, is dated \(entry.time), before \(statement.periodTo)")
                }
            }
        }
        guard lines.count == expected.count else {
            let missing = expected[lines.count]
            return failed(.missingEntry, lines.count + 3, missing, nil, "the neighbour entry \(missing) of the empty period is missing")
        }
        report.status = .verified
        return report
    }

    /// Says why `found` stands where `expected` belongs: a gap, a move or a duplicate.
    private static func misplaced(
        expected: UInt64, found: UInt64, line: Int, statement: ExportStatement, firstLineOfSequence: [UInt64: Int]
    ) -> (VerificationReport.FailureKind, String) {
        let first = statement.firstSequence, last = statement.lastSequence
        if found < first || found > last {
            return (.misplacedEntry, "found sequence \(found), outside the bundle's range \(first)…\(last)")
        }
        if let earlier = firstLineOfSequence[found], earlier < line {
            return (.duplicateEntry, "sequence \(found) already appeared at line \(earlier)")
        }
        if let later = firstLineOfSequence[expected] {
            return (.misplacedEntry, "entries out of order: sequence \(expected) belongs here but is at line \(later); found \(found)")
        }
        return (.missingEntry, "sequence \(expected) is missing; found \(found) in its place")
    }
}
