/// One variant of a response, with `{variable}` placeholders filled from slots
/// and from the values an action provides.
public struct ResponseTemplate: Sendable, Hashable {
    public var text: String

    public init(text: String) {
        self.text = text
    }

    /// Replaces each `{name}` with its value. An unknown variable stays as
    /// written, so a template mistake is visible rather than silently blank.
    public func render(_ variables: [String: String]) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{") {
            output += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}") else { break }
            let name = rest[rest.index(after: open)..<close]
            if let value = variables[String(name)] {
                output += value
            } else {
                output += rest[open...close]
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    /// Variable names the template uses.
    public var variables: [String] {
        var names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }
}
