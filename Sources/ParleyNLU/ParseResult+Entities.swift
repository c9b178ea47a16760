extension ParseResult {
    /// The same parse with `extra` entities added, all sorted by position.
    public func adding(_ extra: [Entity]) -> ParseResult {
        guard !extra.isEmpty else { return self }
        let entities = (self.entities + extra).sorted { $0.start != $1.start ? $0.start < $1.start : $0.end < $1.end }
        return ParseResult(text: text, ranking: ranking, entities: entities, stage: stage, outOfScope: outOfScope)
    }
}
