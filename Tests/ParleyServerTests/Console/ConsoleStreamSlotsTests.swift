@testable import ParleyServer
import Testing

@Suite struct ConsoleStreamSlotsTests {
    @Test func aSessionHoldsAtMostItsStreamsAndAClosedOneFreesItsSlot() {
        let slots = ConsoleStreamSlots(perSession: 2)
        #expect(slots.take("s1"))
        #expect(slots.take("s1"))
        #expect(!slots.take("s1"), "a third stream of one session is refused")
        #expect(slots.take("s2"), "another session has its own slots")
        slots.release("s1")
        #expect(slots.held(by: "s1") == 1)
        #expect(slots.take("s1"))
        slots.release("s1")
        slots.release("s1")
        slots.release("s1")
        #expect(slots.held(by: "s1") == 0, "releasing more than was taken never goes below zero")
    }
}
