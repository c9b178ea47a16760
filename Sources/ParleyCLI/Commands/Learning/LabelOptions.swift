import ArgumentParser
import ParleyEngine
import ParleyServer

/// What `parley label` and `parley review label` both take: the intent, the
/// entities, whether the intent is new, and JSON output.
struct LabelOptions: ParsableArguments {
    @Option(help: "The intent the message has.")
    var intent: String

    @Option(help: "An entity in the redacted text as NAME:START:END (Unicode scalar offsets); repeat for more.")
    var entity: [String] = []

    @Flag(help: "The intent is new: it waits as a candidate until an admin adds it to the domain or maps it.")
    var newIntent = false

    @Flag(help: "Print JSON.")
    var json = false

    /// Prints the label (as JSON with --json), saying when it proposed a candidate intent.
    func report(_ outcome: LabelOutcome, as summary: String) throws {
        if json { return try printJSON(LabelView(outcome)) }
        print(summary + (outcome.proposedIntent ? "; a candidate intent: add it with 'parley intents add'" : ""))
    }
}
