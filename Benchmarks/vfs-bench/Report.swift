/// Medians of the rounds and the ratios between arms.
struct Report {
    let rounds: [(arm: Arm, measurement: Measurement)]

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

    static func ratio(_ x: Double, _ y: Double) -> String {
        let r = Int((x / y * 100).rounded())
        return "\(r / 100).\(r % 100 < 10 ? "0" : "")\(r % 100)x"
    }

    /// Wall-clock medians and ratios (as run.sh prints them), then the same
    /// for process CPU time.
    var lines: [String] {
        section(cpu: false) + ["-- process CPU time (user + system) --"] + section(cpu: true)
    }

    private func section(cpu: Bool) -> [String] {
        var out: [String] = []
        let arms = Arm.allCases.filter { arm in rounds.contains { $0.arm == arm } }
        for arm in arms {
            let m = medians(arm, cpu: cpu)
            out.append("\(arm.rawValue) (a) \(Self.milliseconds(m.a)) ms (b) \(Self.milliseconds(m.b)) ms (c) \(Self.milliseconds(m.c)) ms")
        }
        let pairs: [(Arm, Arm)] = [(.crypt, .plain), (.crypt, .reserve40), (.reserve40, .plain)]
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
