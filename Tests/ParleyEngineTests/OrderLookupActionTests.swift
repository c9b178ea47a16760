import Foundation
import ParleyEngine
import ParleyIntegrations
import ParleyRedaction
import ParleyTestSupport
import Testing

@Suite struct OrderLookupActionTests {
    private func run(_ action: OrderLookupAction, customer: String?, message: String? = nil) async throws -> ActionOutcome {
        let store = try await StarterBot.store()
        let rawPII = try message.map { RawPII(original: $0, redaction: try Redactor(policy: .default).redact($0)) } ?? .none
        return try await action.run(ActionContext(
            slots: ["order_id": "12345"], customerID: customer, records: LocalCRM(store: store),
            rawPII: rawPII, now: StarterBot.now
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

    @Test func anAnonymousCustomerIsVerifiedByTheEmailOnTheOrderInTheirMessage() async throws {
        let strict = OrderLookupAction.orderStatus(requireCustomer: true)
        let verified = try await run(strict, customer: nil, message: "order #12345, my email is Alex.Morgan@example.com")
        #expect(verified.responses.map(\.name) == ["utter_order_status_processing"])
        let wrong = try await run(strict, customer: nil, message: "order #12345, my email is sam.okafor@example.com")
        #expect(wrong.responses.map(\.name) == ["utter_order_status_not_found"])
        let none = try await run(strict, customer: nil, message: "order #12345 please")
        #expect(none.responses.map(\.name) == ["utter_order_status_not_found"])
    }
}
