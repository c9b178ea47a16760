import Foundation
import ParleyEngine
import ParleyStore

extension CommandContext {
    /// The store and the learning loop over it, beside a running server if
    /// there is one (it sees the changes through the store's model generation).
    func openLearning() async throws -> (data: OpenedData, learning: LearningService) {
        let data = try open()
        return (data, try await bootstrap.learningService(store: data.store, audit: data.audit))
    }
}

/// `--entity NAME:START:END` (Unicode scalar offsets in the redacted text).
enum EntityArgument {
    static func parse(_ values: [String]) throws -> [LabelEntity] {
        try values.map { value in
            let parts = value.split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 3, let start = Int(parts[1]), let end = Int(parts[2]), !parts[0].isEmpty else {
                throw EngineError.invalidInput("--entity must be NAME:START:END (offsets in the redacted text)")
            }
            return LabelEntity(entity: String(parts[0]), start: start, end: end)
        }
    }
}
