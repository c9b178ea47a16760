import ParleyCLI

/// The `parley` executable: everything lives in ParleyCLI so the commands can be tested.
@main
extension Parley {}
