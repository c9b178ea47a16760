import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import ParleyEngine
import ParleyStore
import ServiceLifecycle

/// `GET /console/api/events`: the engine's events as Server-Sent Events.
/// Each event's id is `<feed epoch>-<number>`; a browser that reconnects
/// sends the last one it had (`Last-Event-ID`) and receives every event it
/// missed, or a `reload` event when they are no longer kept (or the server
/// restarted), after which it reloads its state. Data is JSON with ids,
/// queue, reason and rule names only; the page reads text through the API.
///
/// A comment line every ``heartbeat`` keeps proxies from closing the stream
/// and notices a closed connection; at each one the session is checked, and
/// the stream ends when it ended. A graceful shutdown ends the stream too.
///
/// Bounded: a session holds at most ``ConsoleStreamSlots/perSession``
/// streams (429 past that), and a stream whose client stops reading keeps at
/// most the feed's `subscriberBuffer` events waiting, then ends (the browser
/// reconnects and replays, or reloads): a reader that never reads cannot
/// grow the server's memory.
struct ConsoleEventStream: Sendable {
    let engine: ParleyEngine
    let sessions: ConsoleSessions
    var heartbeat: Duration = .seconds(15)
    let slots = ConsoleStreamSlots()

    static let tooManyStreams = APIError(
        .tooManyRequests, code: "too_many_streams", message: "this session has as many live event streams open as it may; close one (another tab) first"
    )

    static let lastEventID = HTTPField.Name("Last-Event-ID")!

    private enum Tick: Sendable {
        case event(EventFeed.Numbered)
        case heartbeat
        case end
    }

    func response(to request: Request, session: ConsoleSessions.Active, cookie: String) async throws -> Response {
        let feed = engine.events
        let slots = slots
        guard slots.take(session.id) else { throw Self.tooManyStreams }
        // Subscribed first, so that nothing published while the watch is audited is missed.
        let subscription = feed.subscribe(after: Self.resumePoint(request.headers[Self.lastEventID], feed: feed))
        let names: TokenNames
        do {
            try await engine.audit.record(Principal.token(session.caller).event("queue.watch", target: ConsoleSessions.target(session.id)))
            names = TokenNames(engine: engine, known: try await engine.tokenNames())
        } catch {
            feed.end(subscription)
            slots.release(session.id)
            throw error
        }
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        let heartbeat = heartbeat
        let epoch = feed.epoch
        let buffer = feed.subscriberBuffer
        let body = ResponseBody { writer in
            defer {
                feed.end(subscription)
                slots.release(session.id)
            }
            var opening = "retry: 3000\n\n"
            switch subscription.replay {
            case .reload:
                opening += Self.frame(id: "\(epoch)-\(subscription.newest)", name: "reload", data: "{}")
            case let .events(missed):
                for event in missed { opening += Self.frame(event, epoch: epoch, name: await names.name(for: event.event)) }
            }
            try await writer.write(ByteBuffer(string: opening))
            // Bounded like the feed's own buffer: past it the client is not
            // reading, and the stream ends after what is already waiting.
            let (ticks, ticking) = AsyncStream.makeStream(of: Tick.self, bufferingPolicy: .bufferingOldest(buffer))
            try await withGracefulShutdownHandler {
                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await event in subscription.events {
                            if case .dropped = ticking.yield(.event(event)) { break }
                        }
                        ticking.finish()
                    }
                    group.addTask {
                        while true {
                            try await Task.sleep(for: heartbeat)
                            ticking.yield(.heartbeat)
                        }
                    }
                    loop: for await tick in ticks {
                        switch tick {
                        case let .event(event):
                            try await writer.write(ByteBuffer(string: Self.frame(event, epoch: epoch, name: await names.name(for: event.event))))
                        case .heartbeat:
                            guard await sessions.isLive(session.id, cookieValue: cookie) else { break loop }
                            try await writer.write(ByteBuffer(string: ": keep-alive\n\n"))
                        case .end:
                            break loop
                        }
                    }
                    group.cancelAll()
                }
            } onGracefulShutdown: {
                ticking.yield(.end)
                ticking.finish()
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }

    /// The number after which to resume: nil without a header; one past the
    /// newest (so: reload) for an id of another feed or an unreadable one.
    static func resumePoint(_ header: String?, feed: EventFeed) -> UInt64? {
        guard let header else { return nil }
        let parts = header.split(separator: "-")
        guard parts.count == 2, parts[0] == feed.epoch, let number = UInt64(parts[1]) else { return UInt64.max }
        return number
    }

    static func frame(_ numbered: EventFeed.Numbered, epoch: String, name: String?) -> String {
        let (kind, data) = ConsoleEventPayload.encode(numbered.event, claimedByName: name)
        return frame(id: "\(epoch)-\(numbered.id)", name: kind, data: data)
    }

    static func frame(id: String, name: String, data: String) -> String {
        "id: \(id)\nevent: \(name)\ndata: \(data)\n\n"
    }
}

/// Token names for events (who claimed), read once and again for a token not seen yet.
actor TokenNames {
    let engine: ParleyEngine
    var known: [String: String]

    init(engine: ParleyEngine, known: [String: String]) {
        self.engine = engine
        self.known = known
    }

    func name(for event: EngineEvent) async -> String? {
        guard case let .handoff(handoff) = event, let holder = handoff.claimedBy else { return nil }
        if let name = known[holder] { return name }
        if let fresh = try? await engine.tokenNames() { known = fresh }
        return known[holder]
    }
}

/// The JSON of each event kind.
enum ConsoleEventPayload {
    struct Turn: Encodable {
        let conversationID: String
        let seq: Int
        let role: String
        enum CodingKeys: String, CodingKey { case conversationID = "conversation_id", seq, role }
    }

    struct Note: Encodable {
        let conversationID: String
        enum CodingKeys: String, CodingKey { case conversationID = "conversation_id" }
    }

    static func encode(_ event: EngineEvent, claimedByName: String?) -> (name: String, data: String) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        let name: String
        switch event {
        case let .handoff(handoff):
            name = "handoff"
            data = try? encoder.encode(ConsoleHandoffView(handoff, names: claimedByName.map { [handoff.claimedBy ?? "": $0] } ?? [:]))
        case let .turn(conversationID, seq, role):
            name = "turn"
            data = try? encoder.encode(Turn(conversationID: conversationID, seq: seq, role: role.rawValue))
        case let .note(conversationID):
            name = "note"
            data = try? encoder.encode(Note(conversationID: conversationID))
        }
        return (name, data.map { String(decoding: $0, as: UTF8.self) } ?? "{}")
    }
}
