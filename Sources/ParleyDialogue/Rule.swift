/// A dialogue rule in the subset of Rasa 3 rules that Parley runs: "when this
/// intent arrives (optionally only while a form is active / not active), run
/// these actions", and "when this form completes, run these actions". An action
/// that names a form activates that form.
public struct Rule: Sendable, Hashable {
    public enum Trigger: Sendable, Hashable {
        case intent(String)
        case formCompleted(String)
    }

    public enum FormCondition: Sendable, Hashable {
        case any
        case noActiveForm
        case active(String)
    }

    public var name: String
    public var trigger: Trigger
    public var formCondition: FormCondition
    public var actions: [String]

    public init(name: String, trigger: Trigger, formCondition: FormCondition = .any, actions: [String]) {
        self.name = name
        self.trigger = trigger
        self.formCondition = formCondition
        self.actions = actions
    }
}
