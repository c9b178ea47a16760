import ParleyNLU

/// Rasa REST channel: `POST /webhooks/rest/webhook` `{"sender", "message"}`.
struct WebhookRequest: Decodable {
    let sender: String
    let message: String
}

/// One bot message of Rasa's REST channel reply list.
struct WebhookReply: Encodable {
    let recipientID: String
    let text: String

    enum CodingKeys: String, CodingKey {
        case recipientID = "recipient_id", text
    }
}

/// Rasa parse API: `POST /model/parse` `{"text"}`.
struct ParseRequest: Decodable {
    let text: String
}

struct ParseResponse: Encodable {
    struct Intent: Encodable { let name: String; let confidence: Double }
    struct EntityView: Encodable {
        let entity: String; let value: String; let start: Int; let end: Int; let extractor: String
    }

    let text: String
    let intent: Intent
    let entities: [EntityView]
    let intentRanking: [Intent]

    init(_ parse: ParseResult) {
        text = parse.text
        intent = Intent(name: parse.intent.name, confidence: parse.intent.confidence)
        entities = parse.entities.map {
            EntityView(entity: $0.entity, value: $0.value, start: $0.start, end: $0.end, extractor: $0.extractor)
        }
        intentRanking = parse.ranking.scores.prefix(10).map { Intent(name: $0.name, confidence: $0.confidence) }
    }

    enum CodingKeys: String, CodingKey {
        case text, intent, entities, intentRanking = "intent_ranking"
    }
}
