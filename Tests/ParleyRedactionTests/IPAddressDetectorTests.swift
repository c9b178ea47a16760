import Testing
@testable import ParleyRedaction

@Suite("IP address detector")
struct IPAddressDetectorTests {
    @Test(arguments: [
        "192.168.1.20", "8.8.8.8", "255.255.255.255", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
        "2001:db8:85a3::8a2e:370:7334", "fe80::1", "::1", "::ffff:192.0.2.128", "2001:db8::192.0.2.33",
    ])
    func findsIPv4AndIPv6(ip: String) {
        #expect(Fixture.found("login from \(ip) was not me", .ipAddress) == [ip])
    }

    @Test(arguments: [
        "256.1.1.1", "1.2.3.4.5", "192.168.1", "01.2.3.4", "1:2:3:4:5:6:7:8:9", "2001:db8::1::2", "12345::1",
        "10:30:15", "00:1A:2B:3C:4D:5E",
    ])
    func rejectsInvalidAddresses(text: String) {
        #expect(Fixture.found("value \(text) here", .ipAddress).isEmpty)
    }

    /// A digit run after an IPv6 address's dotted tail is no octet, however
    /// long: its value used to overflow `Int` (a trap) from 19 digits on.
    @Test(arguments: [19, 20, 40, 4000]) func aLongDigitRunInAnIPv4TailIsNoOctet(digits: Int) {
        let text = "from fe80:192.0.2.\(String(repeating: "9", count: digits)) today"
        #expect(Fixture.found(text, .ipAddress).isEmpty)
        #expect(Fixture.found("fe80::192.0.2.\(String(repeating: "1", count: digits))", .ipAddress).isEmpty)
    }

    @Test func versionNumbersAreNotAddresses() {
        #expect(Fixture.found("app version 10.2.3.4 crashes", .ipAddress).isEmpty)
        #expect(Fixture.found("firmware 4.1.0.12 on the router", .ipAddress).isEmpty)
        #expect(Fixture.found("running v10.2.3.4", .ipAddress).isEmpty)
    }

    @Test func findsAddressAtEdgesAndInPunctuation() {
        #expect(Fixture.found("10.0.0.1", .ipAddress) == ["10.0.0.1"])
        #expect(Fixture.found("IP (10.0.0.1).", .ipAddress) == ["10.0.0.1"])
        #expect(Fixture.found("IPv6: \"fe80::1ff:fe23:4567:890a\".", .ipAddress) == ["fe80::1ff:fe23:4567:890a"])
        #expect(Fixture.found("network 10.0.0.0/8 blocked", .ipAddress) == ["10.0.0.0/8"])
    }

    @Test(arguments: [
        "Updated to 7.3.2.45 last night",
        "App 7.3.2.45 keeps crashing",
        "the 7.3.2.45 update broke everything",
        "Since upgrading to 7.3.2.45 it fails",
        "v 7.3.2.45 is buggy",
        "7.3.2.45-beta broke it",
        "0.9.1.2 is out",
        "after the update my router shows 7.3.2.45",
        "my IP changed after the 7.3.2.45 update",
    ])
    func dottedVersionsNearVersionWordsAreNotAddresses(text: String) {
        #expect(Fixture.found(text, .ipAddress).isEmpty)
    }

    @Test(arguments: [
        ("my IP is 7.3.2.45 since the update", "7.3.2.45"),
        ("Server address: 7.3.2.45", "7.3.2.45"),
        ("my laptop got 10.0.0.1 after the update", "10.0.0.1"),
        ("traceroute stops at 81.2.69.160", "81.2.69.160"),
        ("the app logged a login from 81.2.69.160", "81.2.69.160"),
    ])
    func addressesNextToIPWordsStayAddresses(text: String, ip: String) {
        #expect(Fixture.found(text, .ipAddress) == [ip])
    }

    @Test(arguments: [
        ("route 192.168.10.0/24 is down", "192.168.10.0/24"),
        ("link-local fe80::1%eth0/64 on the box", "fe80::1%eth0/64"),
        ("interface fe80::a1b2%en0 dropped", "fe80::a1b2%en0"),
        ("prefix 2001:db8::/32 assigned", "2001:db8::/32"),
        ("it listens on 0.0.0.0 port 80", "0.0.0.0"),
        ("bound to :: and port 443", "::"),
    ])
    func prefixLengthsZonesAndUnspecifiedAddressesAreOneSpan(text: String, ip: String) {
        #expect(Fixture.found(text, .ipAddress) == [ip])
    }

    @Test func scopeOperatorsInCodeAreNotAddresses() {
        #expect(Fixture.found("call std::move here", .ipAddress).isEmpty)
        #expect(Fixture.found("ratio 10.0.0.0/99 is no prefix", .ipAddress) == ["10.0.0.0"])
    }
}
