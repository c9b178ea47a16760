/// Command-line options of `redaction-bench`.
struct BenchOptions {
    var sentences = 6000
    var seed: UInt64 = 20_241_125
    var corpusPath: String?
    var minimumSeconds = 2.0
    var json = false
    var showErrors = 0
    var perType = false
    var devCorpusPath: String?
    var stages = false
    var redactPath: String?

    static let usage = """
        usage: redaction-bench [--sentences N] [--seed S] [--write-corpus PATH] [--seconds T] [--json] [--show-errors N] [--per-type] [--dev FILE] [--stages] [--redact-jsonl FILE]
          --sentences N        number of generated corpus sentences (default 6000)
          --seed S             PRNG seed for the corpus generator (default 20241125)
          --write-corpus PATH  also write the generated JSONL corpus to PATH
          --seconds T          minimum measuring time per throughput figure (default 2)
          --json               print the report as JSON instead of tables
          --per-type           also measure detect throughput with one entity type enabled at a time
          --dev FILE           also score a labelled JSONL dev set (e.g. Benchmarks/redaction-dev/dev.jsonl)
          --show-errors N      list up to N synthetic sentences the redactor gets wrong
          --stages             only time each stage of a redaction (µs per KiB of corpus text, beside the byte loop)
          --redact-jsonl FILE  print the shipped redactor's output (text, spans, scores) per record and stop
        """

    struct UsageError: Error {
        let message: String
    }

    init(arguments: [String]) throws {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--sentences":
                guard let value = iterator.next().flatMap(Int.init), value > 0 else { throw UsageError(message: "--sentences needs a positive integer") }
                sentences = value
            case "--seed":
                guard let value = iterator.next().flatMap(UInt64.init) else { throw UsageError(message: "--seed needs an integer") }
                seed = value
            case "--write-corpus":
                guard let value = iterator.next() else { throw UsageError(message: "--write-corpus needs a path") }
                corpusPath = value
            case "--seconds":
                guard let value = iterator.next().flatMap(Double.init), value > 0 else { throw UsageError(message: "--seconds needs a positive number") }
                minimumSeconds = value
            case "--show-errors":
                guard let value = iterator.next().flatMap(Int.init), value >= 0 else { throw UsageError(message: "--show-errors needs an integer") }
                showErrors = value
            case "--dev":
                guard let value = iterator.next() else { throw UsageError(message: "--dev needs a path") }
                devCorpusPath = value
            case "--redact-jsonl":
                guard let value = iterator.next() else { throw UsageError(message: "--redact-jsonl needs a path") }
                redactPath = value
            case "--per-type":
                perType = true
            case "--stages":
                stages = true
            case "--json":
                json = true
            case "--help", "-h":
                throw UsageError(message: Self.usage)
            default:
                throw UsageError(message: "unknown option \(argument)\n" + Self.usage)
            }
        }
    }
}
