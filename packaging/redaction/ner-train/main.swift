import Foundation
import ParleyRedaction

/// ner-train: trains the named-entity tagger from generated sentences and
/// writes its weights to Sources/CParleyLexicon/Data/ner-weights.bin (or the
/// path given), which the C target embeds at build time. Deterministic: run it
/// after changing the tagger's features, templates or lists, and commit the result.
///
/// `--hard-negatives SHARE` draws that share of the sentences from the hard
/// negatives (products, programmes, references, other languages, ambiguous
/// given names; default 0, which gives the shipped weights).
var arguments = Array(CommandLine.arguments.dropFirst())
var hardNegativeShare = 0.0
if let flag = arguments.firstIndex(of: "--hard-negatives") {
    guard flag + 1 < arguments.count, let share = Double(arguments[flag + 1]), (0...1).contains(share) else {
        FileHandle.standardError.write(Data("ner-train: --hard-negatives needs a share from 0 to 1\n".utf8))
        exit(2)
    }
    hardNegativeShare = share
    arguments.removeSubrange(flag...(flag + 1))
}
let output = arguments.first ?? "Sources/CParleyLexicon/Data/ner-weights.bin"
let started = ContinuousClock.now
let bytes = NamedEntityTraining.trainWeights(hardNegativeShare: hardNegativeShare)
do {
    try Data(bytes).write(to: URL(fileURLWithPath: output))
} catch {
    FileHandle.standardError.write(Data("ner-train: cannot write \(output)\n".utf8))
    exit(1)
}
FileHandle.standardError.write(Data("ner-train: \(bytes.count) bytes of weights in \(ContinuousClock.now - started)\n".utf8))
