import Foundation
import GRDB

/// A labelled example for training: redacted text, its intent, and the
/// pseudonymous subject whose conversation it came from.
public struct FeedbackExample: Sendable, Hashable {
    public var text: String
    public var intent: String
    public var subjectID: String

    public init(text: String, intent: String, subjectID: String) {
        self.text = text
        self.intent = intent
        self.subjectID = subjectID
    }
}

/// A model version trained on data of subjects erased since.
public struct ModelErasureMark: Sendable, Hashable {
    public let modelVersion: String
    public let erasureIDs: [String]
    public let firstMarkedAt: Date
}

extension Store {
    /// Records whose labelled turns trained `version`: examples per subject.
    public func recordModelLineage(version: String, examples: [FeedbackExample]) async throws(StoreError) {
        var perSubject: [String: Int] = [:]
        for example in examples { perSubject[example.subjectID, default: 0] += 1 }
        guard !perSubject.isEmpty else { return }
        let counts = perSubject
        try await write { db in
            for (subject, count) in counts.sorted(by: { $0.key < $1.key }) {
                try db.execute(
                    sql: "INSERT INTO model_lineage (model_version, subject_id, examples) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET examples = excluded.examples",
                    arguments: [version, subject, count]
                )
            }
        }
    }

    /// The subjects whose examples trained `version`, with their counts.
    public func modelLineage(version: String) async throws(StoreError) -> [(subjectID: String, examples: Int)] {
        try await read { db in
            try Row.fetchAll(db, sql: "SELECT subject_id, examples FROM model_lineage WHERE model_version = ? ORDER BY subject_id", arguments: [version])
                .map { ($0["subject_id"], $0["examples"]) }
        }
    }

    /// The model versions trained on examples of any of `subjects`.
    public func modelsTrained(onSubjects subjects: [String]) async throws(StoreError) -> [String] {
        guard !subjects.isEmpty else { return [] }
        return try await read { db in
            try SQLRequest<String>(literal: "SELECT DISTINCT model_version FROM model_lineage WHERE subject_id IN \(subjects) ORDER BY model_version").fetchAll(db)
        }
    }

    /// Every model version marked as trained on data erased since, oldest mark first.
    public func modelsTrainedOnErasedData() async throws(StoreError) -> [ModelErasureMark] {
        try await read { db in
            try Row.fetchAll(db, sql: """
                SELECT model_version, group_concat(erasure_id, ',') AS erasures, min(marked_at) AS first
                FROM model_erasure GROUP BY model_version ORDER BY first, model_version
                """).map { row in
                ModelErasureMark(
                    modelVersion: row["model_version"],
                    erasureIDs: (row["erasures"] as String).split(separator: ",").map(String.init).sorted(),
                    firstMarkedAt: row["first"]
                )
            }
        }
    }
}
