import ArgumentParser
import ParleyEngine
import ParleyServer

struct IntentsCandidates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "candidates", abstract: "List candidate intents with their labels.")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, learning) = try await CommandContext(global).openLearning()
        defer { try? data.store.close() }
        let candidates = try await learning.candidateIntents(by: .localUser())
        if json { return try printJSON(CandidateIntentListResponse(candidates)) }
        for candidate in candidates {
            print("\(candidate.name)  \(candidate.status.rawValue)\(candidate.mappedTo.map { " -> \($0)" } ?? "")  \(candidate.labels) labels  proposed by \(candidate.proposedBy)")
        }
    }
}
