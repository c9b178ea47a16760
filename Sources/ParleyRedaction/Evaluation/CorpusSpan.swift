/// A gold span in a corpus record.
public struct CorpusSpan: Codable, Sendable, Hashable {
    public var type: PIIEntityType
    public var start: Int
    public var end: Int

    public init(type: PIIEntityType, start: Int, end: Int) {
        self.type = type
        self.start = start
        self.end = end
    }
}
