import Testing

/// Expects `body` to throw an SQLiteError whose extended code is `code`
/// (or whose primary code is `code`, when `code` is a primary code).
@discardableResult
func expectSQLiteError(_ code: Int32, sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () throws -> Void) -> SQLiteError? {
    let error = #expect(throws: SQLiteError.self, sourceLocation: sourceLocation) { try body() }
    if let error {
        let matches = code > 0xff ? error.extendedCode == code : error.primaryCode == code
        #expect(matches, "expected \(code), got \(error)", sourceLocation: sourceLocation)
    }
    return error
}
