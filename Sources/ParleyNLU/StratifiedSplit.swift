/// Seeded, stratified partitions of labelled examples: every intent is spread
/// over the parts in proportion, so small intents are never missing from a
/// validation split or a cross-validation fold. The same examples, seed and
/// sizes always give the same partition, whatever the examples' order.
public enum StratifiedSplit {
    /// Splits off about `fraction` of each intent's examples (at least one when
    /// the intent has two or more) as a held-out set.
    public static func holdout(
        _ examples: [LabeledUtterance], fraction: Double, seed: UInt64
    ) throws(NLUError) -> (training: [LabeledUtterance], holdout: [LabeledUtterance]) {
        guard fraction > 0, fraction < 1 else {
            throw .invalidHyperParameter("the held-out fraction must be between 0 and 1")
        }
        var training: [LabeledUtterance] = []
        var holdout: [LabeledUtterance] = []
        for (_, members) in shuffledGroups(examples, seed: seed) {
            let count = members.count < 2 ? 0 : max(1, Int((Double(members.count) * fraction).rounded()))
            holdout += members.prefix(count).map { examples[$0] }
            training += members.dropFirst(count).map { examples[$0] }
        }
        return (training, holdout)
    }

    /// Assigns every example to one of `folds` folds; returns the fold of each
    /// example, by position. Within an intent, folds differ in size by at most one.
    public static func foldAssignment(_ examples: [LabeledUtterance], folds: Int, seed: UInt64) throws(NLUError) -> [Int] {
        guard folds >= 2 else { throw .invalidHyperParameter("cross-validation needs at least two folds") }
        guard examples.count >= folds else {
            throw .notEnoughTrainingData("\(folds) folds need at least \(folds) examples, found \(examples.count)")
        }
        var assignment = [Int](repeating: 0, count: examples.count)
        var next = 0  // rotates the starting fold so that small intents do not all land in fold 0
        for (_, members) in shuffledGroups(examples, seed: seed) {
            for (offset, index) in members.enumerated() { assignment[index] = (next + offset) % folds }
            next = (next + members.count) % folds
        }
        return assignment
    }

    /// Example positions grouped by intent (intents sorted by name), each group
    /// in an order fixed by the seed and the texts, not by the input order.
    static func shuffledGroups(_ examples: [LabeledUtterance], seed: UInt64) -> [(String, [Int])] {
        var groups: [String: [Int]] = [:]
        for (index, example) in examples.enumerated() { groups[example.intent, default: []].append(index) }
        var generator = SeededGenerator(seed: seed)
        return groups.keys.sorted().map { intent in
            var members = groups[intent]!.sorted { (examples[$0].text, $0) < (examples[$1].text, $1) }
            generator.shuffle(&members)
            return (intent, members)
        }
    }
}
