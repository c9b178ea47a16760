import Foundation
import ParleyEncoder
import ParleyNLU

// encoder-bench: the sentence encoder and the NLU cascade on BANKING77.
//
//   encoder-bench speed              tokenizer µs, encoder ms per 16-token sentence for every kernel
//                                    this CPU runs (the generic kernel is the same-run baseline), one
//                                    thread vs the helper pool (wall, process CPU, two callers at once),
//                                    batch throughput, load time, sizes
//   encoder-bench precision          f32 vs f16 vs i8 files: cosine to the reference embeddings and
//                                    to f32, hybrid accuracy on the validation split (test.csv unread)
//   encoder-bench tune               embedding scales (--scale), cascade tolerances (--tolerances a,b) and
//                                    encoder budgets (--shares a,b) on the fixed 15 % validation split of
//                                    train.csv; --curve 1 prints accuracy against the threshold
//   encoder-bench final              train on train.csv, score test.csv ONCE: linear only, hybrid
//                                    only, cascade; latency; encoder share; training and embedding
//                                    cost; fp16/int8 vs fp32; pseudo out-of-scope (held-out intents)
//   encoder-bench tokens             word pieces per train.csv message (percentiles, share above windows)
//   encoder-bench blind              out-of-scope detection on the blind set Benchmarks/blind/nlu
//                                    (--blind DIR), written by hand apart from this code: scored, never tuned on
//
// Options: --data DIR (default ../shared/data/banking77), --encoder FILE (default
// packaging/out/encoder/all-minilm-l6-v2.parleyenc), --cache FILE (embeddings of public
// BANKING77 texts kept between runs; default /tmp/encoder-bench-<encoder sha prefix>.cache),
// --scale S (embedding scale for final), --seconds S (speed), --threads N|auto (the pooled arm of
// speed and final, and every other pass; 1 forces one thread; default auto).

let arguments = CommandLine.arguments
let command = arguments.count > 1 ? arguments[1] : "help"
let options = Options(arguments.dropFirst(2))
let usage = "usage: encoder-bench speed|precision|tune|final|blind|tokens [--data DIR] [--encoder FILE] [--cache FILE] [--scale S]"
let dataDirectory = URL(fileURLWithPath: options["data"] ?? "../shared/data/banking77")
guard ["speed", "precision", "tune", "final", "blind", "tokens"].contains(command) else {
    say(usage)
    exit(command == "help" ? 0 : 2)
}

func run() throws {
    let encoderURL = URL(fileURLWithPath: options["encoder"] ?? "packaging/out/encoder/all-minilm-l6-v2.parleyenc")
    switch command {
    case "speed":
        try SpeedBench.run(encoderURL: encoderURL, data: try? BenchData(directory: dataDirectory))
    case "precision":
        try PrecisionBench.run(
            data: try BenchData(directory: dataDirectory), encoderDirectory: encoderURL.deletingLastPathComponent(),
            fixture: URL(fileURLWithPath: "Tests/ParleyEncoderTests/Fixtures/reference-embeddings.json")
        )
    case "tune":
        try CascadeBench.tune(data: try BenchData(directory: dataDirectory), encoderURL: encoderURL)
    case "tokens":
        try TokenBench.run(data: try BenchData(directory: dataDirectory), encoderURL: encoderURL)
    case "blind":
        let blind = URL(fileURLWithPath: options["blind"] ?? "Benchmarks/blind/nlu")
        try BlindBench.run(data: try BenchData(directory: dataDirectory), encoderURL: encoderURL, blindDirectory: blind)
    default:
        try CascadeBench.final(data: try BenchData(directory: dataDirectory), encoderURL: encoderURL)
    }
}


do {
    try run()
} catch {
    FileHandle.standardError.write(Data("encoder-bench: \(error)\n".utf8))
    exit(1)
}
