import Foundation
import ParleyRedaction

/// ner-train: trains the named-entity tagger from generated sentences and
/// writes its weights to Sources/CParleyLexicon/Data/ner-weights.bin (or the
/// path given), which the C target embeds at build time. Deterministic: run it
/// after changing the tagger's features, templates or lists, and commit the result.
let arguments = CommandLine.arguments.dropFirst()
let output = arguments.first ?? "Sources/CParleyLexicon/Data/ner-weights.bin"
let started = ContinuousClock.now
let bytes = NamedEntityTraining.trainWeights()
do {
    try Data(bytes).write(to: URL(fileURLWithPath: output))
} catch {
    FileHandle.standardError.write(Data("ner-train: cannot write \(output)\n".utf8))
    exit(1)
}
FileHandle.standardError.write(Data("ner-train: \(bytes.count) bytes of weights in \(ContinuousClock.now - started)\n".utf8))
