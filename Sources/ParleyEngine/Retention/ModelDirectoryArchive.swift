import Foundation
import ParleyRetention

/// The model directory as retention sees it: versions with their file times;
/// the active version is never deleted.
struct ModelDirectoryArchive: ModelArchive {
    let repository: ModelRepository

    func models() throws -> [ArchivedModel] {
        let active = try repository.activeVersion()
        return try repository.versions().map { version in
            let attributes = try? FileManager.default.attributesOfItem(atPath: repository.url(of: version).path)
            let created = (attributes?[.modificationDate] as? Date) ?? .distantPast
            return ArchivedModel(version: version, createdAt: created, isActive: version == active)
        }
    }

    func delete(version: String) throws {
        guard try version != repository.activeVersion() else { throw EngineError.conflict("model \(version) is active") }
        try FileManager.default.removeItem(at: repository.url(of: version))
    }
}
