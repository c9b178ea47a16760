import Foundation
import ParleyEngine

extension CommandContext {
    /// The store opened as `open()` does, with the installation's retention services.
    func openRetention() async throws -> (data: OpenedData, services: RetentionServices) {
        let data = try open()
        return (data, try await bootstrap.retention(store: data.store, audit: data.audit))
    }
}
