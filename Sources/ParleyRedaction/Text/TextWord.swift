/// A maximal run of ASCII letters and digits, as byte offsets. A nominal type
/// rather than a tuple, so arrays of it need no runtime metadata lookup.
struct TextWord {
    let start: Int
    let end: Int
}
