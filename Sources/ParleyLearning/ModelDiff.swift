import Foundation
import ParleyStore

/// What differs between two registered model versions: intents, training
/// data by source, hyper-parameters, labelled turns, and their gate scores.
public struct ModelDiff: Sendable, Codable, Hashable {
    public struct Change: Sendable, Codable, Hashable {
        public var key: String
        public var from: String?
        public var to: String?
    }

    public var from: String
    public var to: String
    public var intentsAdded: [String]
    public var intentsRemoved: [String]
    public var sameTrainingData: Bool
    /// Examples by source (`bot`, `feedback`, …, held-out counts).
    public var counts: [Change]
    public var hyperParameters: [Change]
    /// Labelled turns only `to` was trained on / only `from` was.
    public var labelsAdded: Int
    public var labelsRemoved: Int
    /// Labels both were trained on whose intent changed since.
    public var labelsRelabelled: Int

    enum CodingKeys: String, CodingKey {
        case from, to, counts
        case intentsAdded = "intents_added", intentsRemoved = "intents_removed", sameTrainingData = "same_training_data"
        case hyperParameters = "hyper_parameters", labelsAdded = "labels_added", labelsRemoved = "labels_removed"
        case labelsRelabelled = "labels_relabelled"
    }

    public init(from old: ModelVersionRecord, to new: ModelVersionRecord, oldLabels: [ModelLabel], newLabels: [ModelLabel]) {
        from = old.version
        to = new.version
        intentsAdded = Set(new.intents).subtracting(old.intents).sorted()
        intentsRemoved = Set(old.intents).subtracting(new.intents).sorted()
        sameTrainingData = old.trainingDataSHA256 == new.trainingDataSHA256
        counts = Set(old.counts.keys).union(new.counts.keys).sorted().compactMap { key in
            let a = old.counts[key]
            let b = new.counts[key]
            return a == b ? nil : Change(key: key, from: a.map(String.init), to: b.map(String.init))
        }
        let decoder = JSONDecoder()
        let a = (try? decoder.decode(JSONValue.self, from: Data(old.hyperParameters.utf8)))?.flattened() ?? [:]
        let b = (try? decoder.decode(JSONValue.self, from: Data(new.hyperParameters.utf8)))?.flattened() ?? [:]
        hyperParameters = Set(a.keys).union(b.keys).sorted().compactMap { key in
            a[key] == b[key] ? nil : Change(key: key, from: a[key], to: b[key])
        }
        let oldTurns = Dictionary(oldLabels.map { ("\($0.conversationID)#\($0.seq)", $0.intent) }) { first, _ in first }
        let newTurns = Dictionary(newLabels.map { ("\($0.conversationID)#\($0.seq)", $0.intent) }) { first, _ in first }
        labelsAdded = Set(newTurns.keys).subtracting(oldTurns.keys).count
        labelsRemoved = Set(oldTurns.keys).subtracting(newTurns.keys).count
        labelsRelabelled = newTurns.filter { key, intent in oldTurns[key].map { $0 != intent } ?? false }.count
    }

    public func lines() -> [String] {
        var lines = ["\(from) -> \(to)"]
        if !intentsAdded.isEmpty { lines.append("  intents added: \(intentsAdded.joined(separator: ", "))") }
        if !intentsRemoved.isEmpty { lines.append("  intents removed: \(intentsRemoved.joined(separator: ", "))") }
        lines.append("  training data: \(sameTrainingData ? "identical" : "different")")
        for change in counts { lines.append("  examples \(change.key): \(change.from ?? "-") -> \(change.to ?? "-")") }
        for change in hyperParameters { lines.append("  \(change.key): \(change.from ?? "-") -> \(change.to ?? "-")") }
        lines.append("  labelled turns: +\(labelsAdded) -\(labelsRemoved), \(labelsRelabelled) relabelled")
        return lines
    }
}
