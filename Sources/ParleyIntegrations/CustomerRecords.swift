/// What Parley asks of the firm's customer and order systems. The built-in
/// local CRM implements it over Parley's own database; a firm's systems plug in
/// through another conformance (for instance an HTTP connector).
public protocol CustomerRecords: Sendable {
    /// The order with this number, or nil when there is none.
    func order(number: String) async throws(IntegrationError) -> Order?
    /// The customer with this id, or nil, also for an id that is not even
    /// well-formed for the firm's system: an action may ask about an id no
    /// record has, and an error there would tell the caller something.
    func customer(id: String) async throws(IntegrationError) -> Customer?
    /// A customer's tickets, newest first.
    func tickets(customerID: String) async throws(IntegrationError) -> [Ticket]
    /// A customer's most recent orders, newest first (the agent console's customer panel).
    func orders(customerID: String, limit: Int) async throws(IntegrationError) -> [Order]
}

extension CustomerRecords {
    /// A connector that cannot list a customer's orders says so: the console
    /// shows that the list is unavailable rather than an empty one.
    public func orders(customerID: String, limit: Int) async throws(IntegrationError) -> [Order] {
        throw .unavailable(connector: String(describing: Self.self), reason: "this connector does not list a customer's orders")
    }
}

/// Errors of connectors. Messages name the connector and the kind of failure,
/// never a customer's data.
public enum IntegrationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The system did not answer or answered with an error.
    case unavailable(connector: String, reason: String)
    /// The system answered with something that is not a valid record.
    case invalidRecord(connector: String, reason: String)

    public var description: String {
        switch self {
        case let .unavailable(connector, reason): "\(connector) is unavailable: \(reason)"
        case let .invalidRecord(connector, reason): "\(connector) returned an invalid record: \(reason)"
        }
    }
}
