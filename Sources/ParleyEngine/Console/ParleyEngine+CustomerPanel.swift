import Foundation
import ParleyAudit
import ParleyIntegrations
import ParleyStore

/// What the integration layer knows of a conversation's customer, for the
/// agent handling it. Each part says whether it could be read.
public struct CustomerPanel: Sendable {
    /// nil: the conversation names no customer, or the records know none by that id.
    public var customer: Customer?
    public var orders: [Order]
    /// Why the orders could not be listed (the connector's own words, no customer data).
    public var ordersUnavailable: String?
    public var tickets: [Ticket]
    public var ticketsUnavailable: String?

    /// A panel not read (a refresh that needs the transcript only).
    public static let notRead = CustomerPanel(customer: nil, orders: [], ordersUnavailable: nil, tickets: [], ticketsUnavailable: nil)
}

extension ParleyEngine {
    /// How many recent orders the panel shows.
    public static let panelOrders = 5

    /// The customer panel of a handed-off conversation. The read is audited
    /// (`customer.read`: which conversation, which parts; never the data).
    public func customerPanel(conversationID: String, readBy reader: AuthenticatedCaller) async throws(EngineError) -> CustomerPanel {
        try Identifier.validate(conversationID, what: "conversation id")
        let conversation: ConversationRecord?
        do {
            conversation = try await store.conversationRecord(conversationID)
            if reader.role == .agent, try await !store.hasHandoff(conversationID: conversationID) {
                throw EngineError.notFound("conversation \(conversationID)")
            }
        } catch let error as StoreError {
            throw Self.map(error)
        } catch let error as EngineError {
            throw error
        } catch {
            throw .storage("the conversation could not be read")
        }
        guard let conversation else { throw .notFound("conversation \(conversationID)") }
        var panel = CustomerPanel(customer: nil, orders: [], ordersUnavailable: nil, tickets: [], ticketsUnavailable: nil)
        if let customerID = conversation.customerID {
            do { panel.customer = try await pipeline.records.customer(id: customerID) } catch { throw .integration(error.description) }
            if panel.customer != nil {
                do { panel.orders = try await pipeline.records.orders(customerID: customerID, limit: Self.panelOrders) } catch {
                    panel.ordersUnavailable = error.description
                }
                do { panel.tickets = Array(try await pipeline.records.tickets(customerID: customerID).prefix(Self.panelOrders)) } catch {
                    panel.ticketsUnavailable = error.description
                }
            }
        }
        try await record(.token(reader), "customer.read", conversationID, details: [
            "customer": panel.customer == nil ? "none" : "found", "orders": String(panel.orders.count), "tickets": String(panel.tickets.count),
        ])
        return panel
    }
}
