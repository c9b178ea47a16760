import Testing
@testable import ParleyNLU

@Suite("Weight precision")
struct WeightPrecisionTests {
    @Test func halfFloatRoundTripsRepresentableValuesAndRoundsToNearest() {
        for value: Float in [0, -0, 1, -2.5, 65504, 6.1035156e-05, 5.9604645e-08, 0.333251953125] {
            #expect(HalfFloat.decode(HalfFloat.encode(value)) == value)
        }
        #expect(HalfFloat.decode(HalfFloat.encode(1e6)) == .infinity)
        #expect(HalfFloat.decode(HalfFloat.encode(1.0 + 1.0 / 4096)) == 1)  // tie to even
        #expect(HalfFloat.decode(HalfFloat.encode(.nan)).isNaN)
        #expect(abs(HalfFloat.decode(HalfFloat.encode(0.1)) - 0.1) < 1e-4)
    }

    @Test(arguments: WeightPrecision.allCases)
    func roundingIsIdempotent(precision: WeightPrecision) {
        let weights: [Float] = [0.013, -0.7, 0.25, 3.3, -0.0001, 0, 1e-3, -2.2]
        let once = precision.rounded(weights, classCount: 4)
        #expect(precision.rounded(once, classCount: 4) == once)
        for (a, b) in zip(weights, once) { #expect(abs(a - b) <= 0.03) }
    }
}
