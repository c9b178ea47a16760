import Testing
@testable import ParleyLearning

/// The exact sign test and Holm's correction the gate's per-intent conditions use.
@Suite struct SignTestTests {
    @Test func theTailIsTheBinomialTailAtOneHalf() {
        #expect(SignTest.pValue(lost: 0, gained: 5) == 1)
        #expect(abs(SignTest.pValue(lost: 3, gained: 0) - 0.125) < 1e-12)
        #expect(abs(SignTest.pValue(lost: 8, gained: 0) - 1.0 / 256) < 1e-12)
        // P(X >= 2 | n = 3): (3 + 1) / 8.
        #expect(abs(SignTest.pValue(lost: 2, gained: 1) - 0.5) < 1e-12)
        // Large counts stay finite and tiny: 600 lost of 1,000 against 400.
        let large = SignTest.pValue(lost: 600, gained: 400)
        #expect(large > 0 && large < 1e-9)
        #expect(abs(SignTest.pValue(lost: 500, gained: 500) - 0.5126) < 1e-3)
    }

    @Test func holmRejectsStepDownAndStopsAtTheFirstThatIsNotSmallEnough() {
        // Sorted: 0.001 <= 0.05/4, 0.012 <= 0.05/3, 0.03 > 0.05/2: stop.
        #expect(SignTest.holmRejections([0.03, 0.001, 0.9, 0.012], level: 0.05) == [false, true, false, true])
        #expect(SignTest.holmRejections([], level: 0.05) == [])
        // Seventy-seven unlucky-looking intents at 0.04 each: none is rejected together.
        #expect(SignTest.holmRejections(Array(repeating: 0.04, count: 77), level: 0.05).allSatisfy { !$0 })
    }

    @Test func calibrationNoiseShrinksWithTheNumberOfExamples() {
        let noise = CalibrationNoise()
        let small = noise.differenceQuantile(0.95, active: Array(repeating: 0.75, count: 24), candidate: Array(repeating: 0.8, count: 24), bins: 10)
        let large = noise.differenceQuantile(0.95, active: Array(repeating: 0.75, count: 2400), candidate: Array(repeating: 0.8, count: 2400), bins: 10)
        #expect(small > 0.05)
        #expect(large < 0.02)
        #expect(noise.differenceQuantile(0.95, active: Array(repeating: 0.75, count: 24), candidate: Array(repeating: 0.8, count: 24), bins: 10) == small)
    }
}
