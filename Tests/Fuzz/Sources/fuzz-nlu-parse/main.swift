import Foundation
import FuzzSupport
import Logging
import ParleyEngine
import ParleyNLU

/// NLU parse on any message with the starter bot's model (trained once at
/// start), and the training-data entity markup reader on the same text:
/// neither traps; confidences are probabilities; entities lie inside the text.
let parser: NLUParser = {
    do {
        let bot = try BotLoader.load(from: FuzzPaths.repository.appendingPathComponent("bot"))
        let logger = Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
        return try NLUParser(model: Training.train(bot: bot, logger: logger, now: referenceDate))
    } catch {
        fatalError("the starter bot does not train")
    }
}()

let referenceDate = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNLUParse(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput(data, size).text
    let scalars = text.unicodeScalars.count
    let result = parser.parse(text, referenceDate: referenceDate)
    var total = 0.0
    for score in result.ranking.scores {
        fuzzRequire(score.confidence.isFinite && score.confidence >= 0 && score.confidence <= 1, "confidence in 0...1")
        total += score.confidence
    }
    fuzzRequire(total <= 1.000_001, "confidences sum to at most 1")
    for entity in result.entities {
        fuzzRequire(0 <= entity.start && entity.start <= entity.end && entity.end <= scalars, "entity inside the message")
    }
    if let (plain, annotations) = try? EntityMarkup.parse(text) {
        let plainScalars = plain.unicodeScalars.count
        for annotation in annotations {
            fuzzRequire(0 <= annotation.start && annotation.start < annotation.end && annotation.end <= plainScalars, "annotation inside the example")
        }
    }
    return 0
}

@_cdecl("fuzz_nlu_parse_main")
public func fuzzNLUParseMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzNLUParse)
}
