/// A form: slots to collect, asked for in order with `utter_ask_<slot>`.
public struct FormDefinition: Sendable, Hashable {
    public var name: String
    public var requiredSlots: [String]

    public init(name: String, requiredSlots: [String]) {
        self.name = name
        self.requiredSlots = requiredSlots
    }
}
