import Foundation
import ParleyEngine
import ParleyIntegrations
import ParleyStore

/// A handoff as the API shows it, with the name of the agent holding it.
struct ConsoleHandoffView: Encodable {
    let handoff: HandoffView
    let claimedByName: String?

    init(_ record: HandoffRecord, names: [String: String]) {
        handoff = HandoffView(record)
        claimedByName = record.claimedBy.flatMap { names[$0] }
    }

    enum CodingKeys: String, CodingKey { case claimedByName = "claimed_by_name" }

    func encode(to encoder: any Encoder) throws {
        try handoff.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(claimedByName, forKey: .claimedByName)
    }
}

/// `GET /console/api/queues`: every queue and its open handoffs, oldest first.
struct ConsoleQueuesResponse: Encodable {
    let queues: [QueueView]
    let handoffs: [ConsoleHandoffView]
}

/// `GET /console/api/domain`: what an agent picks from.
struct ConsoleDomainResponse: Encodable {
    struct Response: Encodable { let name: String; let text: String }
    let intents: [String]
    let responses: [Response]
    /// Whether a resolution may name an intent the bot does not know yet (a
    /// candidate for the learning loop). Off until the engine accepts them.
    let newIntents: Bool
    /// The placeholders redaction writes (`[EMAIL]`), which the page shows as badges.
    let piiTypes: [String]

    enum CodingKeys: String, CodingKey { case intents, responses, newIntents = "new_intents", piiTypes = "pii_types" }
}

/// `GET /console/api/conversations/{id}`: the agent's workspace for one conversation.
struct ConsoleConversationResponse: Encodable {
    struct Note: Encodable {
        let id: String
        let author: String
        let authorName: String?
        let text: String?
        let at: Date
        enum CodingKeys: String, CodingKey { case id, author, authorName = "author_name", text, at }
    }

    struct CustomerView: Encodable {
        let id: String
        let name: String
        let tier: String
    }

    struct OrderView: Encodable {
        let number: String
        let status: String
        let placedAt: Date?
        let expectedDeliveryDate: Date?
        let total: String?
        enum CodingKeys: String, CodingKey { case number, status, placedAt = "placed_at", expectedDeliveryDate = "expected_delivery_date", total }

        init(_ order: Order) {
            number = order.number
            status = order.status.rawValue
            placedAt = order.placedAt
            expectedDeliveryDate = order.expectedDeliveryDate
            total = order.totalMinorUnits.map { units in
                String(format: "%d.%02d", units / 100, abs(units % 100)) + (order.currency.map { " \($0)" } ?? "")
            }
        }
    }

    struct TicketView: Encodable {
        let id: String
        let subject: String
        let status: String
        let openedAt: Date
        enum CodingKeys: String, CodingKey { case id, subject, status, openedAt = "opened_at" }
    }

    let transcript: TranscriptResponse
    let handoff: ConsoleHandoffView?
    let customer: CustomerView?
    let orders: [OrderView]
    let ordersUnavailable: String?
    let tickets: [TicketView]
    let ticketsUnavailable: String?
    let notes: [Note]

    init(transcript: Transcript, panel: CustomerPanel, notes: [AgentNote], names: [String: String]) {
        self.transcript = TranscriptResponse(transcript)
        handoff = transcript.handoff.map { ConsoleHandoffView($0, names: names) }
        customer = panel.customer.map { CustomerView(id: $0.id, name: $0.name, tier: $0.tier) }
        orders = panel.orders.map(OrderView.init)
        ordersUnavailable = panel.ordersUnavailable
        tickets = panel.tickets.map { TicketView(id: $0.id, subject: $0.subject, status: $0.status.rawValue, openedAt: $0.openedAt) }
        ticketsUnavailable = panel.ticketsUnavailable
        self.notes = notes.map { Note(id: $0.id, author: $0.author, authorName: names[$0.author], text: $0.text, at: $0.at) }
    }

    enum CodingKeys: String, CodingKey {
        case transcript, handoff, customer, orders, ordersUnavailable = "orders_unavailable", tickets
        case ticketsUnavailable = "tickets_unavailable", notes
    }
}

/// `POST /console/api/conversations/{id}/replies`
struct ConsoleReplyRequest: Decodable {
    let text: String
    /// The newest turn on the agent's screen: a customer message after it stops the reply.
    let seenSeq: Int?
    enum CodingKeys: String, CodingKey { case text, seenSeq = "seen_seq" }
}

struct ConsoleNoteRequest: Decodable {
    let text: String
}

struct ConsoleSignInRequest: Decodable {
    let token: String
}

/// The session as the page sees it.
struct ConsoleSessionResponse: Encodable {
    let role: String
    let name: String
    let tokenID: String
    let csrfToken: String
    let idleTimeoutSeconds: Int
    let expiresAt: Date

    init(_ session: ConsoleSessions.Active, settings: ConsoleSettings) {
        role = session.caller.role.rawValue
        name = session.caller.name
        tokenID = session.caller.tokenID
        csrfToken = session.csrfToken
        idleTimeoutSeconds = Int(settings.idleTimeout)
        expiresAt = session.expiresAt
    }

    enum CodingKeys: String, CodingKey {
        case role, name, tokenID = "token_id", csrfToken = "csrf_token", idleTimeoutSeconds = "idle_timeout_seconds", expiresAt = "expires_at"
    }
}

/// Tokens as the admin view lists them (never a secret or its hash).
struct ConsoleTokenListResponse: Encodable {
    struct Token: Encodable {
        let id: String
        let name: String
        let role: String
        let createdAt: Date
        let revokedAt: Date?
        let lastUsedAt: Date?
        enum CodingKeys: String, CodingKey {
            case id, name, role, createdAt = "created_at", revokedAt = "revoked_at", lastUsedAt = "last_used_at"
        }
    }

    let tokens: [Token]

    init(_ records: [AccessTokenRecord]) {
        tokens = records.map {
            Token(id: $0.id, name: $0.name, role: $0.role, createdAt: $0.createdAt, revokedAt: $0.revokedAt, lastUsedAt: $0.lastUsedAt)
        }
    }
}

struct ConsoleCreateTokenRequest: Decodable {
    let role: String
    let name: String?
}

/// A token just created: the secret, shown this once.
struct ConsoleCreatedTokenResponse: Encodable {
    let id: String
    let token: String
    let role: String
}
