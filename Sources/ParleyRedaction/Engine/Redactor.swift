/// Finds and redacts personal data in customer text.
///
/// Build one at start-up (detector tables are compiled in `init`) and share it:
/// it is an immutable value, so concurrent calls need no locking. Both `detect`
/// and `redact` run in time linear in the length of the text.
public struct Redactor: Sendable {
    public let policy: RedactionPolicy
    let hasher: (any PIIHasher)?
    let detectors: DetectorCatalog
    let contextScorer: ContextScorer
    let keepMatcher: KeepRuleMatcher
    let resolver: SpanResolver
    /// Operator per entity type index.
    let operators: [RedactionOperator]
    /// With `LOCATION` on, a postal address is reported as one span (`AddressAssembler`).
    let assemblesAddresses: Bool

    /// - Throws: `RedactionError` if the policy is invalid, or if it uses the
    ///   `hash` operator for an enabled type and no `hasher` is given.
    public init(policy: RedactionPolicy = .default, hasher: (any PIIHasher)? = nil) throws(RedactionError) {
        try policy.validate()
        for type in PIIEntityType.allCases where policy.isEnabled(type) {
            if policy.operatorChoice(for: type) == .hash, hasher == nil { throw .hasherRequired(type: type) }
        }
        self.policy = policy
        self.hasher = hasher
        self.detectors = DetectorCatalog(enabled: policy.isEnabled)
        self.contextScorer = ContextScorer()
        self.keepMatcher = KeepRuleMatcher(rules: policy.keep)
        var thresholds = [Double](repeating: 1, count: PIIEntityType.caseCount)
        var operators = [RedactionOperator](repeating: .placeholder, count: PIIEntityType.caseCount)
        for type in PIIEntityType.allCases {
            thresholds[type.index] = policy.threshold(for: type)
            operators[type.index] = policy.operatorChoice(for: type)
        }
        self.resolver = SpanResolver(thresholds: thresholds)
        self.operators = operators
        self.assemblesAddresses = policy.isEnabled(.location)
    }

    /// The personal data in `text`, sorted by position, non-overlapping, each at
    /// or above its type's threshold.
    public func detect(_ text: String) -> [PIISpan] {
        var copy = text
        let utf8 = text.utf8
        return copy.withUTF8 { bytes in
            let input = ScanInput(bytes: bytes)
            var mapper = ScalarOffsetMapper(input: input)
            return resolvedCandidates(in: input).map { candidate in
                let start = mapper.scalarOffset(ofByte: candidate.start)
                let end = mapper.scalarOffset(ofByte: candidate.end)
                let lower = utf8.index(utf8.startIndex, offsetBy: candidate.start)
                let upper = utf8.index(utf8.startIndex, offsetBy: candidate.end)
                return PIISpan(
                    type: candidate.type, start: start, end: end, range: lower..<upper,
                    score: candidate.score, detector: candidate.detector)
            }
        }
    }

    /// Runs every detector, scores context, applies keep rules, thresholds and
    /// overlap resolution. Byte offsets, sorted by start. `lap` is called at
    /// the end of each stage (`redaction-bench --stages`).
    func resolvedCandidates(in input: ScanInput, lap: (RedactionStage) -> Void = { _ in }) -> [Candidate] {
        var candidates: [Candidate] = []
        candidates.reserveCapacity(16)
        detectors.detect(in: input, into: &candidates, lap: lap)
        guard !candidates.isEmpty else { return [] }
        for index in candidates.indices where candidates[index].usesContext {
            candidates[index].score = contextScorer.score(candidates[index], in: input)
        }
        lap(.contextScoring)
        // "SSN #123-45-6789": a number sign after a personal-data word is not an
        // order reference, whatever the keep rules say about "#".
        var protected = keepMatcher.protectedRanges(in: input)
        if !protected.isEmpty {
            protected.removeAll { range in
                !input[range.lowerBound].isASCIIAlnum && contextScorer.followsPersonalDataKeyword(range.lowerBound, in: input)
            }
        }
        lap(.keepRules)
        AddressAssembler.preferStreetAddresses(&candidates, thresholds: resolver.thresholds)
        lap(.streetAddressPreference)
        resolver.resolve(&candidates, protected: protected, textLength: input.count)
        lap(.resolution)
        if assemblesAddresses { AddressAssembler.merge(&candidates, in: input) }
        lap(.addressAssembly)
        return candidates
    }
}
