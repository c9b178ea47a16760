import Benchmark
import Foundation
import MicroBenchmarkSupport
import ParleyEngine
import ParleyNLU

// Parsing one customer turn with the linear model of the starter bot
// (bot/ in the checkout, trained once per process outside the measurement),
// beside the byte loop over the same text. Accuracy on BANKING77 and the
// encoder cascade stay in nlu-bench and encoder-bench.

/// The starter bot's linear model, trained on first use.
let sharedStarterParser = Result { () throws -> NLUParser in
    // Benchmarks/micro/Benchmarks/NLU/NLU.swift -> the checkout's root.
    var root = URL(fileURLWithPath: #filePath)
    for _ in 0..<5 { root.deleteLastPathComponent() }
    let bot = try BotLoader.load(from: root.appendingPathComponent("bot"))
    let model = try NLUModel.train(on: bot.trainingData, hyperParameters: bot.hyperParameters, producer: "micro-benchmarks")
    return try NLUParser(model: model)
}

let benchmarks: @Sendable () -> Void = {
    let configuration = MicroConfiguration.configuration()
    let text = "hi, where is my order #48213? it was due on friday and I still have no tracking number"
    Benchmark("NLU: baseline: byte loop over a typical message", configuration: configuration) { benchmark in
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(countSpaces(text)) }
    }
    Benchmark("NLU: parse a typical message (linear model)", configuration: configuration) { benchmark in
        let parser = try sharedStarterParser.get()
        let referenceDate = Date(timeIntervalSince1970: 1_767_225_600)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(parser.parse(text, referenceDate: referenceDate)) }
    }
}
