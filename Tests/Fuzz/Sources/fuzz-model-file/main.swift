import Foundation
import FuzzSupport
import ParleyNLU

/// The NLU model-file reader on any bytes (its trailing checksum recomputed,
/// so that mutations reach the parser): it returns a model or throws
/// `invalidModelFile`, never traps; a model it returns parses a message.
///
/// With PARLEY_FUZZ_WRITE_SEED=PATH set, writes a small valid model file
/// there and exits instead (Tests/Fuzz/run-fuzzers.sh makes the seed so).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzModelFileInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    guard let path = ProcessInfo.processInfo.environment["PARLEY_FUZZ_WRITE_SEED"] else { return 0 }
    var data = NLUTrainingData()
    for (text, intent) in [
        ("where is my order", "order_status"), ("track order 12345", "order_status"), ("has my parcel shipped", "order_status"),
        ("hello there", "greet"), ("hi", "greet"), ("good morning", "greet"),
    ] {
        data.examples.append(LabeledUtterance(text: text, intent: intent))
    }
    do {
        var hyperParameters = ClassifierHyperParameters()
        hyperParameters.epochs = 3
        hyperParameters.calibrationFraction = 0
        hyperParameters.weightPrecision = path.hasSuffix("i8") ? .int8 : .float16
        let model = try NLUModel.train(on: data, hyperParameters: hyperParameters, producer: "fuzz-seed", now: Date(timeIntervalSince1970: 1_767_225_600))
        try ModelFile.write(model, to: URL(fileURLWithPath: path))
    } catch {
        fatalError("the seed model cannot be written")
    }
    exit(0)
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModelFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Checksum.resealed(FuzzInput(data, size).bytes, magic: Array("PARLEYNL".utf8))
    guard let model = try? ModelFile.decode(bytes, path: "fuzz.parleynlu") else { return 0 }
    guard let parser = try? NLUParser(model: model) else { return 0 }
    let result = parser.parse("where is my order 12345", referenceDate: Date(timeIntervalSince1970: 1_767_225_600))
    fuzzRequire(result.ranking.scores.allSatisfy { $0.confidence.isFinite }, "a decoded model gives finite confidences")
    return 0
}

@_cdecl("fuzz_model_file_main")
public func fuzzModelFileMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, fuzzModelFile)
}
