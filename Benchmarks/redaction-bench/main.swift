import Foundation
import ParleyRedaction

/// redaction-bench: generates the evaluation corpus, scores the default
/// redactor on it, and measures throughput and pathological-input timings.
func runBench() -> Int32 {
    let options: BenchOptions
    do {
        options = try BenchOptions(arguments: Array(CommandLine.arguments.dropFirst()))
    } catch let error as BenchOptions.UsageError {
        FileHandle.standardError.write(Data((error.message + "\n").utf8))
        return 2
    } catch {
        return 2
    }
    do {
        // Every stage on (the shipped policy) for throughput and the dev set; the
        // generated corpora label wave 1's types only (no DATE, no LOCATION, an
        // address's parts apart), so they are scored with those two types off.
        // CPU time of this thread: robust when other processes share the cores.
        let firstStart = threadCPUSeconds()
        let redactor = try Redactor()
        if let path = options.redactPath {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let lines = try RedactionDump(redactor: redactor).lines(jsonLines: text.split(separator: "\n"))
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            return 0
        }
        let firstRedactor = threadCPUSeconds() - firstStart
        let secondStart = threadCPUSeconds()
        _ = try Redactor()
        let secondRedactor = threadCPUSeconds() - secondStart
        let waveOneRedactor = try Redactor(policy: RedactionPolicy(entities: [
            .date: EntityPolicy(enabled: false), .location: EntityPolicy(enabled: false),
        ]))
        var generator = CorpusGenerator(seed: options.seed)
        let records = generator.generate(count: options.sentences)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let lines = try records.map { String(decoding: try encoder.encode($0), as: UTF8.self) }
        if let path = options.corpusPath {
            try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        if options.stages {
            let (baseline, stages) = StageBenchmark(texts: records.map(\.text), minimumSeconds: options.minimumSeconds).run(redactor: redactor)
            let header = "corpus: \(records.count) sentences (seed \(options.seed)), \(records.reduce(0) { $0 + $1.text.utf8.count }) bytes; shipped policy (every stage on)\n"
            FileHandle.standardOutput.write(Data((header + StageBenchmark.table(baseline: baseline, stages: stages) + "\n").utf8))
            return 0
        }
        if options.showErrors > 0 {
            var heldOutGenerator = CorpusGenerator(seed: options.seed &+ 1, heldOut: true)
            let heldOutRecords = heldOutGenerator.generate(count: options.sentences / 4)
            var freshGenerator = CorpusGenerator(seed: options.seed &+ 2, templates: .fresh)
            let freshRecords = freshGenerator.generate(count: options.sentences / 4)
            let listing = ErrorListing(limit: options.showErrors).render(records: records, redactor: waveOneRedactor)
                + "\n--- held-out templates ---\n"
                + ErrorListing(limit: options.showErrors).render(records: heldOutRecords, redactor: waveOneRedactor)
                + "\n--- fresh templates ---\n"
                + ErrorListing(limit: options.showErrors).render(records: freshRecords, redactor: waveOneRedactor)
            FileHandle.standardOutput.write(Data((listing + "\n").utf8))
            return 0
        }
        let evaluation = try RedactionEvaluator(redactor: waveOneRedactor).evaluate(jsonLines: lines)
        var heldOutGenerator = CorpusGenerator(seed: options.seed &+ 1, heldOut: true)
        let heldOut = RedactionEvaluator(redactor: waveOneRedactor).evaluate(records: heldOutGenerator.generate(count: options.sentences / 4))
        var freshGenerator = CorpusGenerator(seed: options.seed &+ 2, templates: .fresh)
        let fresh = RedactionEvaluator(redactor: waveOneRedactor).evaluate(records: freshGenerator.generate(count: options.sentences / 4))
        let dev = try options.devCorpusPath.map { path in
            let text = try String(contentsOfFile: path, encoding: .utf8)
            return try RedactionEvaluator(redactor: redactor).evaluate(jsonLines: text.split(separator: "\n"))
        }
        let texts = records.map(\.text)
        let benchmark = ThroughputBenchmark(texts: texts, minimumSeconds: options.minimumSeconds)
        let throughput = benchmark.run(redactor: redactor) + (options.perType ? try benchmark.runPerType() : [])
        let pathological = PathologicalBenchmark().run(redactor: redactor)
        let report = BenchReport(
            sentences: records.count, seed: options.seed, corpusBytes: texts.reduce(0) { $0 + $1.utf8.count },
            evaluation: evaluation, heldOut: heldOut, fresh: fresh, dev: dev, throughput: throughput, pathological: pathological,
            firstRedactorMilliseconds: firstRedactor * 1000, secondRedactorMilliseconds: secondRedactor * 1000)
        let output = options.json ? try report.json() : report.text()
        FileHandle.standardOutput.write(Data((output + "\n").utf8))
        return 0
    } catch {
        FileHandle.standardError.write(Data("redaction-bench failed: \(error)\n".utf8))
        return 1
    }
}

exit(runBench())
