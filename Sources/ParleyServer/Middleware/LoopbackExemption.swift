import ParleyEngine
import Synchronization

/// Whether a direct loopback peer may call the customer endpoints without a
/// channel token (`server.tokenless_loopback`). With `auto`, only until the
/// first channel token is created: revoking or deleting every channel token
/// later never reopens tokenless access; only the setting does.
final class LoopbackExemption: Sendable {
    let tokens: AccessTokens
    let policy: TokenlessLoopback
    /// Once a channel token was seen, it stays so: no more look-ups.
    private let closedForGood = Atomic<Bool>(false)

    init(tokens: AccessTokens, policy: TokenlessLoopback) {
        self.tokens = tokens
        self.policy = policy
    }

    func allowsTokenlessRequests() async throws -> Bool {
        switch policy {
        case .always: return true
        case .never: return false
        case .auto:
            if closedForGood.load(ordering: .acquiring) { return false }
            guard try await tokens.channelTokenEverCreated() else { return true }
            closedForGood.store(true, ordering: .releasing)
            return false
        }
    }
}
