/// Serialises work per key (per conversation), so two messages of the same
/// conversation never race on its tracker, while different conversations run
/// in parallel.
actor KeyedLock {
    private var holders: [String: [CheckedContinuation<Void, Never>]] = [:]

    func withLock<T: Sendable, E: Error>(_ key: String, _ body: @Sendable () async throws(E) -> T) async throws(E) -> T {
        await acquire(key)
        defer { release(key) }
        return try await body()
    }

    private func acquire(_ key: String) async {
        if holders[key] == nil {
            holders[key] = []
            return
        }
        await withCheckedContinuation { holders[key, default: []].append($0) }
    }

    private func release(_ key: String) {
        guard var waiting = holders[key], !waiting.isEmpty else {
            holders[key] = nil
            return
        }
        let next = waiting.removeFirst()
        holders[key] = waiting
        next.resume()
    }
}
