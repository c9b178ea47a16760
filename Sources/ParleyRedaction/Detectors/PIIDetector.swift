/// A scanner for one kind of personal data.
///
/// Detectors are built once (tables compiled in `init`) and are immutable, so one
/// instance serves concurrent calls. `detect` must run in time linear in the input:
/// every scan advances, and any look-around is bounded by a constant.
protocol PIIDetector: Sendable {
    /// Name reported in spans, e.g. `"credit-card"`.
    var name: String { get }
    /// The entity type this detector produces.
    var entityType: PIIEntityType { get }
    /// Appends candidates found in `input`.
    func detect(in input: ScanInput, into candidates: inout [Candidate])
}
