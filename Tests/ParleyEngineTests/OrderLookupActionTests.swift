import Foundation
import ParleyEngine
import ParleyIntegrations
import ParleyRedaction
import ParleyTestSupport
import Testing

@Suite struct OrderLookupActionTests {
    private func run(
        _ action: OrderLookupAction, customer: String?, message: String? = nil,
        number: String = "12345", records: (any CustomerRecords)? = nil
    ) async throws -> ActionOutcome {
        let store = try await StarterBot.store()
        let rawPII = try message.map { RawPII(original: $0, redaction: try Redactor(policy: .default).redact($0)) } ?? .none
        return try await action.run(ActionContext(
            slots: ["order_id": number], customerID: customer, records: records ?? LocalCRM(store: store),
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

    @Test func anUnknownNumberAsksTheRecordsWhatARealOneAsks() async throws {
        let strict = OrderLookupAction.orderStatus(requireCustomer: true)
        var asked: [String: [String]] = [:]
        for number in ["12345", "99999"] {
            for message in ["order #\(number), my email is sam.okafor@example.com", "order #\(number) please"] {
                let records = QuestionLog(inner: LocalCRM(store: try await StarterBot.store()))
                let outcome = try await run(strict, customer: nil, message: message, number: number, records: records)
                #expect(outcome.responses.map(\.name) == ["utter_order_status_not_found"])
                asked[number, default: []] += await records.questions.asked
            }
        }
        // The real order belongs to another customer; the other number is no order at all.
        #expect(asked["12345"] == ["order", "customer", "order"])
        #expect(asked["99999"] == asked["12345"])
    }
}

/// Which kinds of question an action asked the records, in order.
private actor Questions {
    var asked: [String] = []
    func note(_ kind: String) { asked.append(kind) }
}

private struct QuestionLog: CustomerRecords {
    let inner: LocalCRM
    let questions = Questions()

    func order(number: String) async throws(IntegrationError) -> Order? {
        await questions.note("order")
        return try await inner.order(number: number)
    }

    func customer(id: String) async throws(IntegrationError) -> Customer? {
        await questions.note("customer")
        return try await inner.customer(id: id)
    }

    func tickets(customerID: String) async throws(IntegrationError) -> [Ticket] {
        await questions.note("tickets")
        return try await inner.tickets(customerID: customerID)
    }
}
