import Foundation

/// A model version in the registry.
public struct ModelVersionRecord: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Codable, CaseIterable {
        /// Trained, not serving (it may be in shadow mode).
        case candidate
        /// Serving.
        case active
        /// Served once; a rollback may bring it back.
        case retired
        /// Failed its gate, or was rolled back.
        case rejected
    }

    public var version: String
    /// The model that was active when this one was trained.
    public var parent: String?
    public var createdAt: Date
    /// The audit actor who trained it (`system`, `os:<user>`, `token:<id>`).
    public var createdBy: String
    public var status: Status
    public var trainingDataSHA256: String
    public var contentSHA256: String
    /// Training examples by source: `bot`, `feedback`, `review`, `correction`,
    /// and the held-out examples kept out of training (`holdout_bot`, `holdout_labels`).
    public var counts: [String: Int]
    /// The classifier's hyper-parameters, as JSON.
    public var hyperParameters: String
    public var intents: [String]
    /// The gate's report, as JSON, once it ran.
    public var gate: String?
    public var gatePassed: Bool?
    public var promotedBy: String?
    public var promotedAt: Date?
    /// Promoted despite its gate (`--force`).
    public var forced: Bool

    public init(
        version: String, parent: String?, createdAt: Date, createdBy: String, status: Status, trainingDataSHA256: String,
        contentSHA256: String, counts: [String: Int], hyperParameters: String, intents: [String], gate: String? = nil,
        gatePassed: Bool? = nil, promotedBy: String? = nil, promotedAt: Date? = nil, forced: Bool = false
    ) {
        self.version = version
        self.parent = parent
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.status = status
        self.trainingDataSHA256 = trainingDataSHA256
        self.contentSHA256 = contentSHA256
        self.counts = counts
        self.hyperParameters = hyperParameters
        self.intents = intents
        self.gate = gate
        self.gatePassed = gatePassed
        self.promotedBy = promotedBy
        self.promotedAt = promotedAt
        self.forced = forced
    }
}

/// What serves: the active and shadow versions, and a generation that every
/// change bumps, so that a running server sees a change made by another process.
public struct ModelState: Sendable, Hashable {
    public var generation: Int64
    public var activeVersion: String?
    public var shadowVersion: String?
    public var updatedAt: Date
}

/// One change of the active model.
public struct ModelPromotion: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// The first model of an installation.
        case initial
        /// A model found active on disk when the registry was first used.
        case adopt
        /// `parley train` activated what it trained (no gate).
        case train
        /// The gate passed.
        case promote
        /// Promoted despite the gate (`--force`).
        case force
        case rollback
    }

    public var id: Int64
    public var version: String
    public var previous: String?
    public var kind: Kind
    public var by: String
    public var at: Date
}

/// A labelled turn a model was trained on (no text).
public struct ModelLabel: Sendable, Hashable, Codable {
    public var conversationID: String
    public var seq: Int
    public var source: LabelSource
    public var intent: String

    public init(conversationID: String, seq: Int, source: LabelSource, intent: String) {
        self.conversationID = conversationID
        self.seq = seq
        self.source = source
        self.intent = intent
    }
}
