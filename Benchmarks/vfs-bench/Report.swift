/// Medians of the rounds and the ratios between arms.
struct Report {
    let rounds: [(arm: Arm, measurement: Measurement)]
    let ciphers: [CipherCost]

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let n = sorted.count
        guard n > 0 else { return 0 }
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2
    }

    func medians(_ arm: Arm, cpu: Bool = false) -> (a: Double, b: Double, c: Double) {
        let runs = rounds.filter { $0.arm == arm }.map(\.measurement)
        if cpu {
            return (Self.median(runs.map(\.insertsCPU)), Self.median(runs.map(\.transactionsCPU)), Self.median(runs.map(\.selectsCPU)))
        }
        return (Self.median(runs.map(\.inserts)), Self.median(runs.map(\.transactions)), Self.median(runs.map(\.selects)))
    }

    static func milliseconds(_ seconds: Double) -> String {
        String(Int((seconds * 10_000).rounded())).paddedMilliseconds
    }

    /// Seconds as microseconds with two decimals.
    static func microseconds(_ seconds: Double) -> String {
        String(Int((seconds * 100_000_000).rounded())).withDecimal(2)
    }

    static func ratio(_ x: Double, _ y: Double) -> String {
        let r = Int((x / y * 100).rounded())
        return "\(r / 100).\(r % 100 < 10 ? "0" : "")\(r % 100)x"
    }

    /// Wall-clock medians and ratios (as run.sh prints them), then the same
    /// for process CPU time.
    var lines: [String] {
        section(cpu: false) + ["-- process CPU time (user + system) --"] + section(cpu: true) + floor
    }

    /// The lowest CPU ratio any page-authenticating VFS could reach on these
    /// workloads with this cipher: plain SQLite's CPU time plus only the
    /// cipher calls parley-crypt made (its median page counts times the
    /// median cost of one seal and one open with the implementation it uses),
    /// over plain SQLite's CPU time.
    private var floor: [String] {
        let crypt = rounds.filter { $0.arm == .crypt }.map(\.measurement)
        guard !crypt.isEmpty, rounds.contains(where: { $0.arm == .plain }), !ciphers.isEmpty else { return [] }
        let seal = Self.median(ciphers.map(\.seal))
        let open = Self.median(ciphers.map(\.open))
        let plain = medians(.plain, cpu: true)
        func cipherSeconds(_ pages: (Measurement) -> PageStats) -> Double {
            Self.median(crypt.map { Double(pages($0).sealed) }) * seal + Self.median(crypt.map { Double(pages($0).opened) }) * open
        }
        let a = cipherSeconds(\.pagesA), b = cipherSeconds(\.pagesB), c = cipherSeconds(\.pagesC)
        func pages(_ path: KeyPath<Measurement, PageStats>) -> String {
            let sealed = Int(Self.median(crypt.map { Double($0[keyPath: path].sealed) }))
            let opened = Int(Self.median(crypt.map { Double($0[keyPath: path].opened) }))
            return "\(sealed)/\(opened)"
        }
        let sodiumSeal = Self.median(ciphers.map(\.libsodiumSeal))
        let sodiumOpen = Self.median(ciphers.map(\.libsodiumOpen))
        return [
            "-- the cipher alone: seal \(Self.microseconds(seal)) us, open \(Self.microseconds(open)) us a page (median of \(ciphers.count)) --",
            "libsodium alone: seal \(Self.microseconds(sodiumSeal)) us, open \(Self.microseconds(sodiumOpen)) us a page; "
                + "in use/libsodium: seal \(Self.ratio(seal, sodiumSeal)), open \(Self.ratio(open, sodiumOpen))",
            "parley-crypt pages sealed/opened (a) \(pages(\.pagesA)) (b) \(pages(\.pagesB)) (c) \(pages(\.pagesC))",
            "cipher floor/plain (a) \(Self.ratio(plain.a + a, plain.a)) (b) \(Self.ratio(plain.b + b, plain.b)) (c) \(Self.ratio(plain.c + c, plain.c))",
        ]
    }

    private func section(cpu: Bool) -> [String] {
        var out: [String] = []
        let arms = Arm.allCases.filter { arm in rounds.contains { $0.arm == arm } }
        for arm in arms {
            let m = medians(arm, cpu: cpu)
            out.append("\(arm.rawValue) (a) \(Self.milliseconds(m.a)) ms (b) \(Self.milliseconds(m.b)) ms (c) \(Self.milliseconds(m.c)) ms")
        }
        let pairs: [(Arm, Arm)] = [(.crypt, .plain), (.crypt, .reserve40), (.reserve40, .plain),
                                   (.cryptLibsodium, .plain), (.crypt, .cryptLibsodium)]
        for (x, y) in pairs where arms.contains(x) && arms.contains(y) {
            let mx = medians(x, cpu: cpu)
            let my = medians(y, cpu: cpu)
            out.append("\(x.rawValue)/\(y.rawValue) (a) \(Self.ratio(mx.a, my.a)) (b) \(Self.ratio(mx.b, my.b)) (c) \(Self.ratio(mx.c, my.c))")
        }
        return out
    }
}

private extension String {
    /// "12345" (tenths of a millisecond) -> "1234.5"
    var paddedMilliseconds: String {
        let digits = count < 2 ? String(repeating: "0", count: 2 - count) + self : self
        return "\(digits.dropLast()).\(digits.suffix(1))"
    }
}
