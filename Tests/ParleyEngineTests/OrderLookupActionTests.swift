import Foundation
import ParleyEngine
import ParleyIntegrations
import ParleyTestSupport
import Testing

@Suite struct OrderLookupActionTests {
    private func run(_ action: OrderLookupAction, customer: String?) async throws -> ActionOutcome {
        let store = try await StarterBot.store()
        return try await action.run(ActionContext(
            slots: ["order_id": "12345"], customerID: customer, records: LocalCRM(store: store),
            rawPII: .none, now: StarterBot.now
        ))
    }

    @Test func requiringACustomerHidesOrdersFromAnonymousChats() async throws {
        let strict = try await run(.orderStatus(requireCustomer: true), customer: nil)
        #expect(strict.responses.map(\.name) == ["utter_order_status_not_found"])
        #expect(strict.resumeForm == "order_status_form")
        let owner = try await run(.orderStatus(requireCustomer: true), customer: "C-1001")
        #expect(owner.responses.map(\.name) == ["utter_order_status_processing"])
        let open = try await run(.orderStatus(requireCustomer: false), customer: nil)
        #expect(open.responses.map(\.name) == ["utter_order_status_processing"])
        let other = try await run(.orderStatus(requireCustomer: false), customer: "C-1002")
        #expect(other.responses.map(\.name) == ["utter_order_status_not_found"])
    }
}
