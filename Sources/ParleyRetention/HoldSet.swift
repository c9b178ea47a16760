import Foundation
import ParleyStore

/// The active legal holds, as retention and erasure test them.
public struct HoldSet: Sendable {
    public let holds: [LegalHoldRecord]

    public init(_ holds: [LegalHoldRecord]) {
        self.holds = holds.filter(\.isActive)
    }

    public static let none = HoldSet([])

    /// The ids of the holds that cover `item`: by its customer, its
    /// conversation, or a period its conversation (or row) was active in.
    public func covering(_ item: RetentionItem) -> [String] {
        holds.filter { hold in
            switch hold.scope {
            case .customer:
                return hold.customerID != nil && hold.customerID == item.customerID
            case .conversation:
                return hold.conversationID != nil && hold.conversationID == item.conversationID
            case .period:
                guard let from = hold.periodFrom, let to = hold.periodTo else { return false }
                return item.createdAt < to && item.lastActivityAt >= from
            }
        }.map(\.id).sorted()
    }

    /// The holds on a customer's own records (the CRM record itself).
    public func covering(customer customerID: String) -> [String] {
        holds.filter { $0.scope == .customer && $0.customerID == customerID }.map(\.id).sorted()
    }
}
