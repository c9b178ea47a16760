import Foundation

/// A model version as retention sees it.
public struct ArchivedModel: Sendable, Hashable {
    public let version: String
    public let createdAt: Date
    public let isActive: Bool

    public init(version: String, createdAt: Date, isActive: Bool) {
        self.version = version
        self.createdAt = createdAt
        self.isActive = isActive
    }
}

/// Where model versions live (the engine's model directory); retention lists
/// and deletes old versions through it, never the active one.
public protocol ModelArchive: Sendable {
    func models() throws -> [ArchivedModel]
    func delete(version: String) throws
}
