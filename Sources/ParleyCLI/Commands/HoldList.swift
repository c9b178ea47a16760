import ArgumentParser
import Foundation
import ParleyEngine
import ParleyRetention
import ParleyServer

struct HoldList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List legal holds (active ones first).")

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Only active holds.")
    var active = false

    @Flag(help: "Print JSON.")
    var json = false

    func run() async throws {
        let (data, services) = try await CommandContext(global).openRetention()
        defer { try? data.store.close() }
        let holds = try await services.listHolds(activeOnly: active)
        if json {
            try printJSON(holds.map(HoldView.init))
            return
        }
        for hold in holds {
            let what = switch hold.scope {
            case .customer: "customer \(hold.customerID ?? "")"
            case .conversation: "conversation \(hold.conversationID ?? "")"
            case .period: "period \(hold.periodFrom.map(CommandDate.format) ?? "") .. \(hold.periodTo.map(CommandDate.format) ?? "")"
            }
            let state = hold.isActive ? "active" : "released \(hold.releasedAt.map(CommandDate.day) ?? "")"
            let review = hold.reviewBy.map { "  review by \(CommandDate.day($0))" } ?? ""
            print("\(hold.id)  \(state)  \(what)  by \(hold.authority)\(review)")
        }
    }
}
