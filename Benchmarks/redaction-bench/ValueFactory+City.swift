extension ValueFactory {
    /// City and state stay paired within one record: the state is drawn with the
    /// city's index from the same stream.
    mutating func cityAndState() -> (city: String, state: String) {
        if let pending = pendingState {
            pendingState = nil
            return ("", pending)
        }
        let (city, state) = rng.pick(Self.usCities)
        pendingState = state
        return (city, state)
    }
}
