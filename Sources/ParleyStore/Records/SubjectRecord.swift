import Foundation
import GRDB

/// A data subject: a known customer, or a conversation whose customer is not
/// known yet. Its id is random and pseudonymous; its key lives in the keyring.
struct SubjectRecord: Sendable, Hashable, Codable {
    var id: String
    var customerID: String?
    var createdAt: Date
    var erasedAt: Date?

    enum CodingKeys: String, CodingKey {
        case id, customerID = "customer_id", createdAt = "created_at", erasedAt = "erased_at"
    }
}

extension SubjectRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "subject"

    enum Columns {
        static let id = Column(CodingKeys.id)
        static let customerID = Column(CodingKeys.customerID)
    }
}

/// A subject's data key, wrapped (XChaCha20-Poly1305) under the wrapping key.
/// Lives in the keyring database, apart from the data it protects.
struct SubjectKeyRecord: Sendable, Hashable, Codable {
    var subjectID: String
    var wrappedKey: Data
    var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case subjectID = "subject_id", wrappedKey = "wrapped_key", createdAt = "created_at"
    }
}

extension SubjectKeyRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "subject_key"
}
