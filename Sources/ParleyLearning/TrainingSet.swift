import ParleyNLU
import ParleyStore

/// What a model of the learning loop trains on, and what no model trains on:
/// the bot's own examples and the agents' labels, less the frozen held-out
/// split (``HoldoutSplit``) that the gate judges every model by.
public struct TrainingSet: Sendable {
    /// The examples and entity rules a model trains on.
    public var data: NLUTrainingData
    /// Bot examples held out (never trained on).
    public var botHoldout: [LabeledUtterance]
    /// Bot examples trained on: the bot author's statement of each intent,
    /// which the gate checks a candidate still agrees with.
    public var botTraining: [LabeledUtterance] = []
    /// Labelled turns held out (never trained on).
    public var labelHoldout: [LabelledExample]
    /// The labels that train.
    public var trainingLabels: [LabelledExample]
    /// Labels naming an intent the domain does not know yet (a pending candidate).
    public var waitingLabels: [LabelledExample]
    /// Examples by source: `bot`, `feedback`, `review`, `correction`; kept out:
    /// `holdout_bot`, `holdout_labels`, `waiting`.
    public var counts: [String: Int]

    /// Everything held out, labelled (labels as their intents).
    public var holdout: [LabeledUtterance] {
        botHoldout + labelHoldout.map { LabeledUtterance(text: $0.text, intent: $0.label.intent) }
    }

    /// Splits `bot` data and `labels` for a domain of `intents`.
    public static func build(bot: NLUTrainingData, intents: [String], labels: [LabelledExample], settings: GateSettings) -> TrainingSet {
        let split = HoldoutSplit(fraction: settings.holdoutFraction)
        let known = Set(intents)
        let perIntent = bot.intentCounts
        var data = NLUTrainingData(examples: [], entityRules: bot.entityRules)
        var botHoldout: [LabeledUtterance] = []
        var botTraining: [LabeledUtterance] = []
        for example in bot.examples {
            if perIntent[example.intent, default: 0] >= settings.holdoutMinimumIntentExamples, split.isHeldOut(example.text) {
                botHoldout.append(example)
            } else {
                botTraining.append(example)
            }
        }
        data.examples = botTraining
        var counts: [String: Int] = ["bot": data.examples.count, "holdout_bot": botHoldout.count]
        var trainingLabels: [LabelledExample] = []
        var labelHoldout: [LabelledExample] = []
        var waiting: [LabelledExample] = []
        for label in labels {
            if !known.contains(label.label.intent) {
                waiting.append(label)
            } else if split.isHeldOut(label.text) {
                // Kept out of training either way: the text is (or would be) a held-out text.
                if settings.holdOutLabels { labelHoldout.append(label) }
            } else {
                trainingLabels.append(label)
                data.examples.append(utterance(label))
                counts[label.label.source.rawValue, default: 0] += 1
            }
        }
        counts["holdout_labels"] = labelHoldout.count
        counts["waiting"] = waiting.count
        for source in LabelSource.allCases { counts[source.rawValue, default: 0] += 0 }
        return TrainingSet(
            data: data, botHoldout: botHoldout, botTraining: botTraining,
            labelHoldout: labelHoldout, trainingLabels: trainingLabels, waitingLabels: waiting, counts: counts
        )
    }

    /// The label as a training example; entity values are read from the text, in memory only.
    static func utterance(_ example: LabelledExample) -> LabeledUtterance {
        let scalars = Array(example.text.unicodeScalars)
        let entities = example.label.entities.compactMap { entity -> EntityAnnotation? in
            guard entity.start >= 0, entity.start < entity.end, entity.end <= scalars.count else { return nil }
            var value = String.UnicodeScalarView()
            value.append(contentsOf: scalars[entity.start..<entity.end])
            return EntityAnnotation(entity: entity.entity, value: String(value), start: entity.start, end: entity.end)
        }
        return LabeledUtterance(text: example.text, intent: example.label.intent, entities: entities)
    }
}

extension TrainingSet: CustomStringConvertible {
    /// Counts only, never text.
    public var description: String { "TrainingSet(\(counts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ")))" }
}
