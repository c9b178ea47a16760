import ArgumentParser
import Foundation
import ParleyEngine
import ParleyRetention

struct HoldRelease: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Release a legal hold (audited).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The hold id (hold_...).")
    var id: String

    func run() async throws {
        let (data, services) = try await CommandContext(global).openRetention()
        defer { try? data.store.close() }
        let hold = try await services.releaseHold(id: id, by: .localUser())
        print("released \(hold.id)")
    }
}
