import ParleyCrypto
import ParleyStore
import Synchronization

/// An installation key (see ``Store/installationKey(_:now:)``) fetched once
/// and then kept for the engine's life.
final class InstallationKeyCache: Sendable {
    private let store: Store
    private let purpose: String
    private let cached = Mutex<SymmetricKey?>(nil)

    init(store: Store, purpose: String) {
        self.store = store
        self.purpose = purpose
    }

    func key() async throws(StoreError) -> SymmetricKey {
        if let key = cached.withLock({ $0 }) { return key }
        let key = try await store.installationKey(purpose)
        cached.withLock { $0 = key }
        return key
    }
}
