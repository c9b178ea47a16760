/// Produces the keyed, irreversible token used by the `hash` operator.
///
/// The module does not depend on a crypto library: the caller injects an
/// implementation (in Parley, keyed BLAKE2b from libsodium). The same value and
/// type must give the same digest; the result is placed in `[TYPE:digest]`, so
/// return a short printable token (for example the first 8 hex digits of the MAC:
/// `[EMAIL:9f86d081]`).
public protocol PIIHasher: Sendable {
    func digest(_ value: String, type: PIIEntityType) -> String
}
