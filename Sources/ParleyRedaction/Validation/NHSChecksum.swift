/// The NHS number modulus 11 check: weights 10…2 on the first nine digits; the
/// check digit is 11 minus the remainder (11 becomes 0; 10 is never valid).
enum NHSChecksum {
    static func isValid(_ digits: [UInt8]) -> Bool {
        guard digits.count == 10 else { return false }
        var sum = 0
        for index in 0..<9 { sum += Int(digits[index]) * (10 - index) }
        var check = 11 - sum % 11
        if check == 11 { check = 0 }
        return check != 10 && check == Int(digits[9])
    }
}
