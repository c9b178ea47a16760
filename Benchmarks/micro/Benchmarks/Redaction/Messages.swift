/// Synthetic customer messages (made-up names, documentation-range numbers,
/// example.com): what the redactor sees on every turn.
enum Messages {
    /// A typical chat turn: one message with a name, a card, a phone number and an e-mail address.
    static let typical = """
        Hi, this is Jane Examplewoman. My card 4111 1111 1111 1111 was charged twice on 3 March, \
        please call me back on +44 20 7946 0958 or write to jane.examplewoman@example.com.
        """

    /// A long turn: an e-mail pasted into the chat, about 2 KB, PII spread through prose.
    static let long: String = {
        let paragraphs = [
            "Dear support team, I am writing about my account again because the last three replies did not solve the problem.",
            "My name is Peter Sampleton and I have been a customer since 2014; my IBAN is GB82 WEST 1234 5698 7654 32.",
            "On 12 February I moved to 221B Example Street, London NW1 6XE, but the statements still go to the old address.",
            "You can reach me on 020 7946 0321 during the day, or by e-mail at peter.sampleton@example.com in the evening.",
            "The direct debit for order 884213 was taken twice, and the second payment has not been refunded yet.",
            "I also tried the app, but it keeps asking me for a verification code that never arrives on my phone.",
            "Please do not close this ticket until the refund is on my account; I have attached nothing, as you asked.",
            "Kind regards, and thank you for looking into it properly this time.",
        ]
        return (paragraphs + paragraphs.reversed()).joined(separator: " ")
    }()
}
