import CSodium

/// The one place where libsodium is initialised.
///
/// `sodium_init()` is safe to call repeatedly, but calling it once through a
/// lazily-initialised global keeps the rule simple: every public entry point of
/// this module calls ``Sodium/ensureInitialized()`` before touching libsodium.
enum Sodium {
    private static let status: Int32 = sodium_init()

    /// Throws ``CryptoError/libraryUnavailable`` when libsodium refused to
    /// initialise (for instance when no entropy source is available).
    static func ensureInitialized() throws(CryptoError) {
        // sodium_init returns 0 on success, 1 if already initialised, -1 on failure.
        guard status >= 0 else { throw .libraryUnavailable }
    }
}
