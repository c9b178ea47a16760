import Foundation
import ParleyCrypto
import ParleyIntegrations
import ParleyRedaction

/// Answers from the order record: looks up the order in the `order_id` slot
/// and sends `<prefix>_<status>` (e.g. `utter_order_status_processing`) with
/// the order's dates and shipping details as variables.
///
/// An unknown number, an order of another customer when the channel named
/// the customer, or, when `requireCustomer` is set and the channel named
/// none, an order whose customer's email address is not in the customer's
/// message, gets `<prefix>_not_found`; the slot is cleared and the form
/// resumes, so the customer can send the number again. Nothing about another
/// customer's order is revealed, not even that it exists. The email address
/// is the raw value from this turn, in memory only: redaction has already
/// taken it out of everything stored. The records are asked the same
/// questions whether or not the number exists, so neither the time taken
/// nor a connector's own logs tell an anonymous customer which numbers are real.
public struct OrderLookupAction: CustomAction {
    public let name: String
    let responsePrefix: String
    let form: String
    let requireCustomer: Bool
    let slot = "order_id"

    public init(name: String, responsePrefix: String, form: String, requireCustomer: Bool) {
        self.name = name
        self.responsePrefix = responsePrefix
        self.form = form
        self.requireCustomer = requireCustomer
    }

    public static func orderStatus(requireCustomer: Bool) -> OrderLookupAction {
        OrderLookupAction(name: "action_order_status", responsePrefix: "utter_order_status", form: "order_status_form", requireCustomer: requireCustomer)
    }

    public static func deliveryStatus(requireCustomer: Bool) -> OrderLookupAction {
        OrderLookupAction(name: "action_delivery_status", responsePrefix: "utter_delivery_status", form: "delivery_form", requireCustomer: requireCustomer)
    }

    public var responses: [String] {
        (Order.Status.allCases.map(\.rawValue) + ["not_found"]).map { "\(responsePrefix)_\($0)" }
    }

    public func run(_ context: ActionContext) async throws(EngineError) -> ActionOutcome {
        guard let number = context.slots[slot].map(normalise), !number.isEmpty else {
            return ActionOutcome(resumeForm: form)
        }
        let order: Order?
        do { order = try await context.records.order(number: number) } catch {
            throw .integration(error.description)
        }
        let owned: Bool
        if let customerID = context.customerID {
            owned = order?.customerID == customerID
        } else if requireCustomer {
            owned = try await verifiedByEmail(order, context)
        } else {
            owned = !requireCustomer
        }
        guard let order, owned else {
            return ActionOutcome(
                responses: [.init(name: "\(responsePrefix)_not_found", variables: ["order_id": number])],
                slotChanges: [slot: nil], resumeForm: form
            )
        }
        return ActionOutcome(responses: [.init(name: "\(responsePrefix)_\(order.status.rawValue)", variables: variables(order, context.now))])
    }

    /// Whether the customer's message holds the email address of the order's
    /// customer. When it holds an address, a customer is looked up even for an
    /// unknown number or an order without a customer (by a fresh random id no
    /// record has, which every connector answers with nil), so that case does
    /// the same work.
    private func verifiedByEmail(_ order: Order?, _ context: ActionContext) async throws(EngineError) -> Bool {
        let given = context.rawPII.values(of: .email).map { $0.lowercased() }
        guard !given.isEmpty else { return false }
        let customer: Customer?
        do { customer = try await context.records.customer(id: order?.customerID ?? Self.unknownCustomerID()) } catch {
            throw .integration(error.description)
        }
        guard let expected = customer?.email?.lowercased(), order?.customerID != nil else { return false }
        return given.contains { constantTimeEqual(Array($0.utf8), Array(expected.utf8)) }
    }

    /// A well-formed id that names no customer: `C-` and 16 random hex digits.
    static func unknownCustomerID() -> String {
        "C-" + (0..<16).map { _ in String(Int.random(in: 0..<16), radix: 16) }.joined()
    }

    private func normalise(_ value: String) -> String {
        value.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))
    }

    private func variables(_ order: Order, _ now: Date) -> [String: String] {
        func day(_ date: Date?) -> String { date.map { CalendarDay.phrase($0, now: now) } ?? "soon" }
        return [
            "order_id": order.number,
            "ship_date": day(order.expectedShipDate),
            "shipped_date": day(order.shippedAt),
            "delivery_date": day(order.expectedDeliveryDate),
            "delivered_date": day(order.deliveredAt),
            "carrier": order.carrier ?? "our carrier",
            "tracking_number": order.trackingNumber ?? "not available yet",
        ]
    }
}
