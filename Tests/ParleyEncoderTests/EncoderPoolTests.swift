import CParleyKernels
import Foundation
import Synchronization
import Testing
@testable import ParleyEncoder

/// The helper pool that splits a forward pass (parley_pool.h). Serialized: the
/// pool is one per process, and these tests hold it or stop it.
@Suite("Encoder thread pool", .serialized)
struct EncoderPoolTests {
    /// Takes the pool, retrying while another test's pass holds it (nil only on a one-core host).
    static func acquire() -> OpaquePointer? {
        guard EncoderThreads.available > 1 else { return nil }
        let deadline = ContinuousClock.now + .seconds(30)
        while ContinuousClock.now < deadline {
            if let pool = pk_pool_try_acquire(Int32(PK_POOL_MAX_WORKERS)) { return pool }
            Thread.sleep(forTimeInterval: 0.001)
        }
        return nil
    }

    static func bits(_ embeddings: [[Float]]) -> [[UInt32]] { embeddings.map { $0.map(\.bitPattern) } }

    static let texts = [
        "", "card", "I am still waiting on my card, it has been two weeks now and nothing arrived?",
        "Why was I charged a fee when I took cash out of an ATM abroad last Tuesday, and can you refund it to my account "
            + "please, I did not expect this at all and the app showed no warning about fees for foreign withdrawals",
    ]

    @Test("a pass split over the helpers embeds bit for bit as one thread does, for every kernel this CPU runs and every precision")
    func pooledPassIsBitIdentical() throws {
        var compared = 0
        for precision in ["i8", "f16", "f32"] {
            let url = EncoderFixture.file(precision)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            for kernel in EncoderKernel.allCases where kernel.isSupported {
                let single = try SentenceEncoder(contentsOf: url, kernel: kernel, threads: .count(1))
                let pooled = single.with(threads: .automatic)
                let joins = pk_pool_helper_joins()
                let expected = Self.bits(Self.texts.map(single.embed) + [single.embed(Self.texts)].flatMap { $0 })
                let got = Self.bits(Self.texts.map(pooled.embed) + [pooled.embed(Self.texts)].flatMap { $0 })
                #expect(got == expected, "\(precision), \(kernel.rawValue)")
                if EncoderThreads.available > 1 {
                    #expect(pk_pool_helper_joins() > joins, "\(precision), \(kernel.rawValue): no helper took part")
                }
                compared += 1
            }
        }
        #expect(compared > 0 || !EncoderFixture.available)
    }

    @Test("every pooled kernel matches its single-threaded kernel bit for bit, with a pool held by the test")
    func pooledKernelsAreBitIdentical() throws {
        let pool = Self.acquire()
        defer { pk_pool_release(pool) }
        var random = SplitMix(state: 0x5DEE_CE66_D1CE_4E5B)
        let (m, k, n, tokens, heads, headDim) = (16, 384, 1536, 24, 12, 32)
        let x = (0..<(m * k)).map { _ in random.uniform() }
        let weights = (0..<(n * k)).map { _ in random.uniform() / 10 }
        let quantized = (0..<(n * k)).map { _ in Int8(clamping: Int((random.uniform() * 127).rounded())) }
        let scales = (0..<n).map { _ in (random.uniform() + 1.5) / 1000 }
        let bias = (0..<n).map { _ in random.uniform() }
        let matrices = [
            PackedMatrix(weights: weights, outputs: n, inputs: k, bias: bias),
            PackedMatrix(weights: weights, outputs: n, inputs: k, bias: bias, halfPrecision: true),
            PackedMatrix(quantized: quantized, scales: scales, outputs: n, inputs: k, bias: bias),
        ]
        let qkv = (0..<(tokens * 3 * heads * headDim)).map { _ in random.uniform() }
        let gamma = (0..<k).map { _ in random.uniform() + 1 }, beta = (0..<k).map { _ in random.uniform() }
        for kernel in EncoderKernel.allCases where kernel.isSupported {
            for matrix in matrices {
                var outputs: [[UInt32]] = []
                for p in [nil, pool] {
                    var y = [Float](repeating: .nan, count: m * n)
                    var scratch = PackedMatrix.Scratch()
                    x.withUnsafeBufferPointer { xs in
                        y.withUnsafeMutableBufferPointer { matrix.apply(kernel, xs.baseAddress!, rows: m, into: $0.baseAddress!, scratch: &scratch, pool: p) }
                    }
                    outputs.append(y.map(\.bitPattern))
                }
                #expect(outputs[0] == outputs[1], "\(kernel.rawValue) product")
            }
            var attention: [[UInt32]] = []
            for p in [nil, pool] {
                let stride = tokens * (headDim + 1)
                var out = [Float](repeating: .nan, count: tokens * heads * headDim)
                var scratch = [Float](repeating: 0, count: stride * Int(pk_pool_size(p)))
                pk_attention_pooled(p, kernel.raw, qkv, Int32(tokens), Int32(heads), Int32(headDim), &out, &scratch, stride)
                attention.append(out.map(\.bitPattern))
            }
            #expect(attention[0] == attention[1], "\(kernel.rawValue) attention")
            var gelu = [x, x], norms = [x, x]
            pk_gelu(kernel.raw, &gelu[0], gelu[0].count)
            pk_gelu_pooled(pool, kernel.raw, &gelu[1], Int32(m), Int32(k))
            #expect(gelu[0].map(\.bitPattern) == gelu[1].map(\.bitPattern), "\(kernel.rawValue) GELU")
            pk_add_layernorm(kernel.raw, &norms[0], Array(x.reversed()), gamma, beta, Int32(m), Int32(k), 1e-12)
            pk_add_layernorm_pooled(pool, kernel.raw, &norms[1], Array(x.reversed()), gamma, beta, Int32(m), Int32(k), 1e-12)
            #expect(norms[0].map(\.bitPattern) == norms[1].map(\.bitPattern), "\(kernel.rawValue) layer norm")
        }
    }

    @Test("a pass that finds the pool held runs on its own thread, at once, with the same embedding")
    func busyPoolFallsBackToOneThread() throws {
        guard EncoderFixture.available, let pool = Self.acquire() else { return }
        defer { pk_pool_release(pool) }
        #expect(pk_pool_try_acquire(Int32(PK_POOL_MAX_WORKERS)) == nil)
        let single = try SentenceEncoder(contentsOf: EncoderFixture.file(), threads: .count(1))
        let pooled = single.with(threads: .automatic)
        let joins = pk_pool_helper_joins()
        let got = Self.bits(Self.texts.map(pooled.embed))
        // No job was opened: the pass never had the pool.
        #expect(pk_pool_helper_joins() == joins)
        #expect(got == Self.bits(Self.texts.map(single.embed)))
    }

    @Test("a helper runs part of a job: the worker that claims one item holds it until another worker has claimed the other")
    func helperTakesPartInAJob() throws {
        guard let pool = Self.acquire() else { return }
        defer { pk_pool_release(pool) }
        let record = ItemWorkers()
        withExtendedLifetime(record) {
            pk_pool_run(pool, { context, worker, begin, _ in
                let record = Unmanaged<ItemWorkers>.fromOpaque(context!).takeUnretainedValue()
                // Claimed: say by whom, then wait (bounded) for the other item to be claimed, which
                // only another worker can do while this one waits here.
                let item = Int(begin)
                record.store(item, worker + 1)
                let deadline = ContinuousClock.now + .seconds(20)
                while record.load(1 - item) == 0, ContinuousClock.now < deadline {}
            }, Unmanaged.passUnretained(record).toOpaque(), 2, 1)
        }
        let first = record.load(0), second = record.load(1)
        #expect(first != 0 && second != 0)
        #expect(first != second, "one worker ran both items: no helper joined")
    }

    @Test("shutdown joins the helpers, is refused while a pass holds the pool, and the next pass starts them again")
    func shutdownJoinsAndRestarts() throws {
        let expected = EncoderThreads.available - 1
        guard expected > 0, let pool = Self.acquire() else { return }
        #expect(!EncoderThreads.shutdown())
        #expect(pk_pool_running_helpers() == Int32(expected))
        pk_pool_release(pool)
        let deadline = ContinuousClock.now + .seconds(30)
        while !EncoderThreads.shutdown(), ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.001) }
        #expect(pk_pool_running_helpers() == 0)
        #expect(EncoderThreads.available == expected + 1)
        #expect(pk_pool_running_helpers() == Int32(expected))
    }

    @Test("encoder_threads values: auto or 1 to 64")
    func parsesThreadSettings() {
        #expect(EncoderThreads(parsing: "auto") == .automatic)
        #expect(EncoderThreads(parsing: "1") == .count(1))
        #expect(EncoderThreads(parsing: "0") == nil)
        #expect(EncoderThreads(parsing: "many") == nil)
        #expect(EncoderThreads.count(3).description == "3")
    }
}

/// Which worker ran each item of a two-item job, plus one (0: not yet run).
private final class ItemWorkers: Sendable {
    private let first = Atomic<Int32>(0), second = Atomic<Int32>(0)

    func load(_ item: Int) -> Int32 {
        item == 0 ? first.load(ordering: .acquiring) : second.load(ordering: .acquiring)
    }

    func store(_ item: Int, _ value: Int32) {
        if item == 0 { first.store(value, ordering: .releasing) } else { second.store(value, ordering: .releasing) }
    }
}

/// Uniform values in -1...1 from a fixed seed.
private struct SplitMix {
    var state: UInt64

    mutating func uniform() -> Float {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Float(z >> 40) / Float(1 << 23) - 1
    }
}
