import Foundation
import ParleyEngine
import ParleyStore
import ParleyTestSupport
import Testing

@Suite struct EventFeedTests {
    private static func note(_ id: String) -> EngineEvent { .note(conversationID: id) }

    private static func ids(_ replay: EventFeed.Replay) -> [UInt64]? {
        guard case let .events(events) = replay else { return nil }
        return events.map(\.id)
    }

    @Test func eventsAreNumberedInOrderAndAReconnectReplaysExactlyWhatItMissed() async throws {
        let feed = EventFeed(capacity: 100)
        for index in 1...10 { feed.publish(Self.note("c-\(index)")) }
        let resumed = feed.subscribe(after: 6)
        #expect(Self.ids(resumed.replay) == [7, 8, 9, 10])
        #expect(resumed.newest == 10)
        feed.publish(Self.note("c-11"))
        var iterator = resumed.events.makeAsyncIterator()
        let next = await iterator.next()
        #expect(next?.id == 11)
        #expect(next?.event == Self.note("c-11"))
        feed.end(resumed)
        #expect(feed.subscriberCount == 0)
    }

    @Test func aSubscriberThatIsUpToDateOrNewReplaysNothing() {
        let feed = EventFeed(capacity: 100)
        for index in 1...3 { feed.publish(Self.note("c-\(index)")) }
        #expect(Self.ids(feed.subscribe(after: 3).replay) == [])
        #expect(Self.ids(feed.subscribe(after: nil).replay) == [])
        #expect(Self.ids(feed.subscribe(after: 0).replay) == [1, 2, 3])
    }

    @Test func aGapOlderThanWhatIsKeptOrANumberFromTheFutureAsksForAReload() {
        let feed = EventFeed(capacity: 50)
        for index in 1...5_000 { feed.publish(Self.note("c-\(index)")) }
        // Kept: 4951...5000. A subscriber that had 4950 misses nothing kept.
        #expect(Self.ids(feed.subscribe(after: 4_950).replay) == Array(4_951...5_000))
        #expect(feed.subscribe(after: 4_949).replay == .reload)
        #expect(feed.subscribe(after: 1).replay == .reload)
        // A number this feed never gave (another process, before a restart).
        #expect(feed.subscribe(after: 9_999).replay == .reload)
    }

    @Test func aSubscriberTooSlowToKeepUpIsEndedAndCanResumeByReplay() async {
        let feed = EventFeed(capacity: 1_000, subscriberBuffer: 4)
        let slow = feed.subscribe(after: 0)
        for index in 1...10 { feed.publish(Self.note("c-\(index)")) }
        #expect(feed.subscriberCount == 0)
        var received: [UInt64] = []
        for await event in slow.events { received.append(event.id) }
        // The stream held what fitted, then ended; the rest comes by replay.
        #expect(received == [1, 2, 3, 4])
        #expect(Self.ids(feed.subscribe(after: received.last).replay) == Array(5...10))
    }

    @Test func twoFeedsHaveDifferentEpochs() {
        #expect(EventFeed().epoch != EventFeed().epoch)
    }

    @Test func thePipelineAnnouncesANewHandoffAndCustomerMessagesDuringIt() async throws {
        let engine = try await StarterBot.engine()
        let watcher = engine.events.subscribe(after: nil)
        var iterator = watcher.events.makeAsyncIterator()
        _ = try await engine.handle(IncomingMessage(conversationID: "ev-1", text: "I want to make a complaint"))
        guard case let .handoff(handoff) = await iterator.next()?.event else {
            Issue.record("no handoff event")
            return
        }
        #expect(handoff.conversationID == "ev-1")
        #expect(handoff.queue == "general")
        _ = try await engine.handle(IncomingMessage(conversationID: "ev-1", text: "hello? anyone there?"))
        guard case let .turn(conversationID, seq, role) = await iterator.next()?.event else {
            Issue.record("no turn event")
            return
        }
        #expect(conversationID == "ev-1")
        #expect(role == .customer)
        let stored = try await engine.store.transcript("ev-1")
        #expect(seq == stored?.1.last?.seq)
        // A conversation the bot handles alone tells the console nothing.
        _ = try await engine.handle(IncomingMessage(conversationID: "ev-2", text: "hello"))
        #expect(Self.ids(engine.events.subscribe(after: 0).replay)?.count == 2)
        engine.events.end(watcher)
    }
}
