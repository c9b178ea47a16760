import ParleyEngine

enum ParleyVersionString {
    static let value = ParleyVersion.current
}
