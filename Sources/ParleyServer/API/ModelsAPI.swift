import Foundation
import ParleyEngine
import ParleyLearning
import ParleyStore

/// `GET /v1/models`.
struct ModelListResponse: Encodable {
    let models: [ModelSummaryView]
}

public struct ModelSummaryView: Encodable {
    let version: String
    let active: Bool
    let status: String?
    let shadow: Bool?
    let parent: String?
    let createdAt: Date?
    let gatePassed: Bool?

    init(version: String, active: Bool) {
        self.version = version
        self.active = active
        status = nil
        shadow = nil
        parent = nil
        createdAt = nil
        gatePassed = nil
    }

    public init(_ record: ModelVersionRecord, shadow: String?) {
        version = record.version
        active = record.status == .active
        status = record.status.rawValue
        self.shadow = record.version == shadow
        parent = record.parent
        createdAt = record.createdAt
        gatePassed = record.gatePassed
    }

    enum CodingKeys: String, CodingKey {
        case version, active, status, shadow, parent, createdAt = "created_at", gatePassed = "gate_passed"
    }
}

/// `GET /v1/models/{version}`: the registry entry with its gate report.
public struct ModelDetailView: Encodable {
    let version: String
    let status: String
    let parent: String?
    let createdAt: Date
    let createdBy: String
    let trainingDataSHA256: String
    let contentSHA256: String
    let counts: [String: Int]
    let hyperParameters: JSONText
    let intents: [String]
    let gate: JSONText?
    let gatePassed: Bool?
    let promotedBy: String?
    let promotedAt: Date?
    let forced: Bool
    let labels: Int
    let erasures: [String]
    let fileExists: Bool
    let shadow: Bool

    public init(_ detail: ModelDetail) {
        let record = detail.record
        version = record.version
        status = record.status.rawValue
        parent = record.parent
        createdAt = record.createdAt
        createdBy = record.createdBy
        trainingDataSHA256 = record.trainingDataSHA256
        contentSHA256 = record.contentSHA256
        counts = record.counts
        hyperParameters = JSONText(record.hyperParameters)
        intents = record.intents
        gate = record.gate.map(JSONText.init)
        gatePassed = record.gatePassed
        promotedBy = record.promotedBy
        promotedAt = record.promotedAt
        forced = record.forced
        labels = detail.labels
        erasures = detail.erasures
        fileExists = detail.fileExists
        shadow = detail.isShadow
    }

    enum CodingKeys: String, CodingKey {
        case version, status, parent, createdAt = "created_at", createdBy = "created_by", trainingDataSHA256 = "training_data_sha256"
        case contentSHA256 = "content_sha256", counts, hyperParameters = "hyper_parameters", intents, gate, gatePassed = "gate_passed"
        case promotedBy = "promoted_by", promotedAt = "promoted_at", forced, labels, erasures, fileExists = "file_exists", shadow
    }
}

/// A stored JSON document, emitted as JSON (not as a string).
struct JSONText: Encodable {
    let text: String

    public init(_ text: String) {
        self.text = text
    }

    func encode(to encoder: any Encoder) throws {
        let value = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
        try value.encode(to: encoder)
    }
}

struct ModelLabelsResponse: Encodable {
    struct Label: Encodable {
        let conversationID: String
        let seq: Int
        let source: String
        let intent: String

        enum CodingKeys: String, CodingKey { case conversationID = "conversation_id", seq, source, intent }
    }

    let version: String
    let labels: [Label]
}

struct PromoteRequest: Decodable {
    /// Promote even though the gate failed (audited as forced).
    let force: Bool?
}

public struct PromotionView: Encodable {
    let version: String
    let previous: String?
    let kind: String
    let generation: Int64
    let gate: GateReport?

    public init(_ outcome: PromotionOutcome) {
        version = outcome.version
        previous = outcome.previous
        kind = outcome.kind.rawValue
        generation = outcome.generation
        gate = outcome.report
    }
}

struct ShadowRequest: Decodable {
    /// The version to run in shadow; null stops shadow mode.
    let version: String?

    private enum CodingKeys: String, CodingKey { case version }

    /// `version` must be there: null stops shadow mode, so a body that
    /// forgot it must not (`{}` is refused, not read as a stop).
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        guard container.contains(.version) else {
            throw DecodingError.keyNotFound(CodingKeys.version, .init(codingPath: [], debugDescription: "version is required (null stops shadow mode)"))
        }
        version = try container.decodeIfPresent(String.self, forKey: .version)
    }
}

public struct ModelStateView: Encodable {
    let generation: Int64
    let active: String?
    let shadow: String?

    public init(_ state: ModelState) {
        generation = state.generation
        active = state.activeVersion
        shadow = state.shadowVersion
    }
}
