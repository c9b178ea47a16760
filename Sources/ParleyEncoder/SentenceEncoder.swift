import CParleyKernels
import Foundation

/// A BERT-style sentence encoder (all-MiniLM-L6-v2 as shipped): WordPiece
/// tokens → embeddings → transformer layers → mean over the tokens → L2
/// normalisation. The layers' matrices are held in the file's precision (int8
/// for an i8 file, binary16 for an f16 one where the kernel converts in
/// hardware, else `Float`), the embedding tables as `Float`s; the matrix
/// kernels are chosen at run time (``EncoderKernel``). Immutable
/// and `Sendable`: `embed` may be called from many tasks at once.
public struct SentenceEncoder: Sendable {
    public let configuration: EncoderConfiguration
    public let tokenizer: WordPieceTokenizer
    public let kernel: EncoderKernel
    /// How many threads a forward pass may use (see ``EncoderThreads``).
    public let threads: EncoderThreads
    /// SHA-256 of the encoder file (hex): identifies the weights.
    public let fileSHA256: String
    let embeddings: TokenEmbeddings
    let layers: [TransformerLayer]

    public var dimension: Int { configuration.hidden }

    /// Loads and checks an encoder file; `kernel` defaults to the best this CPU supports.
    ///
    /// `window` reads up to that many word pieces instead of the file's
    /// `max_tokens` (at most its `max_positions`): the known-answer test reads
    /// the reference implementation's 256 with a file whose window is shorter.
    /// The product always reads the file's window, which is part of the
    /// file's hash and so of the identity a model's hybrid stage is tied to.
    ///
    /// `threads` bounds the threads one pass may split over; the result is the same either way.
    public init(contentsOf url: URL, kernel: EncoderKernel = .best, window: Int? = nil, threads: EncoderThreads = .automatic) throws(EncoderError) {
        guard kernel.isSupported else { throw .unsupportedKernel(kernel.rawValue) }
        let contents = try EncoderFile.read(url)
        var c = contents.configuration
        if let window {
            guard (3...c.maxPositions).contains(window) else {
                throw .invalidEncoderFile(path: url.path, reason: "a window of \(window) word pieces is outside 3...\(c.maxPositions), its positions")
            }
            c.maxTokens = window
        }
        func tensor(_ name: String) -> [Float] { contents.tensors[name]?.values ?? [] }
        func stored(_ name: String) -> EncoderFile.Tensor { contents.tensors[name] ?? EncoderFile.Tensor(rows: 0, columns: 0, values: []) }
        configuration = c
        tokenizer = try WordPieceTokenizer(vocabulary: contents.vocabulary, maxTokens: c.maxTokens)
        self.kernel = kernel
        self.threads = threads
        fileSHA256 = contents.digest
        embeddings = TokenEmbeddings(
            words: tensor("embeddings.word_embeddings.weight"), positions: tensor("embeddings.position_embeddings.weight"),
            type0: Array(tensor("embeddings.token_type_embeddings.weight").prefix(c.hidden)),
            gamma: tensor("embeddings.LayerNorm.weight"), beta: tensor("embeddings.LayerNorm.bias"), hidden: c.hidden
        )
        let storage: TransformerLayer.Storage = switch c.precision {
        // Int8 where a kernel multiplies integers fast; the portable code runs the dequantised weights as floats.
        case "i8" where kernel != .generic: .int8
        // Binary16 in memory when the file holds no more precision and the kernel converts in hardware.
        case "f16" where kernel != .generic: .float16
        default: .float32
        }
        layers = (0..<c.layers).map { layer in
            TransformerLayer(prefix: "encoder.layer.\(layer).", tensor: stored, configuration: c, storage: storage)
        }
        // Finite weights may still overflow Float in a forward pass (a huge
        // LayerNorm scale): such a file is refused here, by name, rather than
        // embedding into NaN.
        guard forward([[tokenizer.classID, tokenizer.separatorID]])[0].allSatisfy(\.isFinite) else {
            throw .invalidEncoderFile(path: url.path, reason: "its weights overflow a forward pass (the embedding is not finite)")
        }
    }

    /// Bytes of weights held in memory.
    public var memoryBytes: Int {
        embeddings.byteCount + layers.reduce(0) { $0 + $1.byteCount }
    }

    /// The same encoder with another thread setting (the weights are shared).
    public func with(threads: EncoderThreads) -> SentenceEncoder {
        SentenceEncoder(self, threads: threads)
    }

    private init(_ other: SentenceEncoder, threads: EncoderThreads) {
        configuration = other.configuration
        tokenizer = other.tokenizer
        kernel = other.kernel
        self.threads = threads
        fileSHA256 = other.fileSHA256
        embeddings = other.embeddings
        layers = other.layers
    }

    /// The unit-length embedding of `text`.
    public func embed(_ text: String) -> [Float] {
        embed(tokens: [tokenizer.tokenize(text)])[0]
    }

    /// Embeddings of many texts in one pass (their tokens stacked, so no padding is computed).
    public func embed(_ texts: [String]) -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        return embed(tokens: texts.map(tokenizer.tokenize))
    }

    /// Embeddings of tokenised sequences (each `[CLS] … [SEP]`, as ``WordPieceTokenizer/tokenize(_:)``
    /// makes them). A longer sequence is cut to `maxTokens`, an id outside the
    /// vocabulary counts as `[UNK]`, and an empty one as `[CLS] [SEP]`.
    /// Always finite: a sequence whose forward pass overflows (weights the
    /// load-time check did not catch) embeds as the zero vector, which
    /// matches nothing, rather than as NaN.
    public func embed(tokens given: [[Int32]]) -> [[Float]] {
        forward(given).map { embedding in
            embedding.allSatisfy(\.isFinite) ? embedding : [Float](repeating: 0, count: embedding.count)
        }
    }

    /// The forward pass of ``embed(tokens:)``, unchecked.
    private func forward(_ given: [[Int32]]) -> [[Float]] {
        let vocabularySize = Int32(configuration.vocabSize)
        let sequences = given.map { sequence -> [Int32] in
            guard !sequence.isEmpty else { return [tokenizer.classID, tokenizer.separatorID] }
            return sequence.prefix(configuration.maxTokens).map { (0..<vocabularySize).contains($0) ? $0 : tokenizer.unknownID }
        }
        let hidden = configuration.hidden
        let total = sequences.reduce(0) { $0 + $1.count }
        let rows = (total + Int(PK_ROWS) - 1) / Int(PK_ROWS) * Int(PK_ROWS)
        // The helpers if they are idle and no other pass keeps their cores busy (never waiting
        // for them); nil: this thread alone.
        pk_pool_pass_begin()
        let pool = pk_pool_try_acquire(Int32(threads.limit))
        defer {
            pk_pool_release(pool)
            pk_pool_pass_end()
        }
        let attentionScratch = (sequences.map(\.count).max() ?? 0) * (configuration.headDimension + 1)
        var workspace = Workspace(
            rows: rows, hidden: hidden, intermediate: configuration.intermediate,
            attentionScratch: attentionScratch, workers: Int(pk_pool_size(pool))
        )
        var scratch = PackedMatrix.Scratch()
        embeddings.lookup(sequences, into: &workspace.x, kernel: kernel, eps: Float(configuration.layerNormEps))
        for layer in layers {
            layer.forward(&workspace, scratch: &scratch, sequences: sequences.map(\.count), configuration: configuration, kernel: kernel, pool: pool)
        }
        var output: [[Float]] = []
        output.reserveCapacity(sequences.count)
        var row = 0
        for sequence in sequences {
            var pooled = [Float](repeating: 0, count: hidden)
            for r in row..<(row + sequence.count) {
                for d in 0..<hidden { pooled[d] += workspace.x[r * hidden + d] }
            }
            row += sequence.count
            var norm: Float = 0
            for d in 0..<hidden {
                pooled[d] /= Float(sequence.count)
                norm += pooled[d] * pooled[d]
            }
            if configuration.normalize {
                let inverse = 1 / max(norm.squareRoot(), 1e-12)
                for d in 0..<hidden { pooled[d] *= inverse }
            }
            output.append(pooled)
        }
        return output
    }
}

/// Scratch buffers of one forward pass (rows padded to a multiple of `PK_ROWS`).
struct Workspace {
    var x: [Float]
    var qkv: [Float]
    var attention: [Float]
    var projected: [Float]
    var intermediate: [Float]
    /// One attention scratch block per worker, `scoresStride` floats apart.
    var scores: [Float]
    let scoresStride: Int
    let rows: Int

    init(rows: Int, hidden: Int, intermediate: Int, attentionScratch: Int, workers: Int) {
        self.rows = rows
        x = [Float](repeating: 0, count: rows * hidden)
        qkv = [Float](repeating: 0, count: rows * 3 * hidden)
        attention = [Float](repeating: 0, count: rows * hidden)
        projected = [Float](repeating: 0, count: rows * hidden)
        self.intermediate = [Float](repeating: 0, count: rows * intermediate)
        scoresStride = max(attentionScratch, 1)
        scores = [Float](repeating: 0, count: scoresStride * max(workers, 1))
    }
}

/// Word, position and token-type embeddings, summed and layer-normalised.
struct TokenEmbeddings: Sendable {
    let words: [Float]
    let positions: [Float]
    let type0: [Float]
    let gamma: [Float]
    let beta: [Float]
    let hidden: Int

    var byteCount: Int { (words.count + positions.count + type0.count + gamma.count + beta.count) * 4 }

    func lookup(_ sequences: [[Int32]], into x: inout [Float], kernel: EncoderKernel, eps: Float) {
        var row = 0
        for sequence in sequences {
            for (position, id) in sequence.enumerated() {
                let word = Int(id) * hidden
                let place = position * hidden
                let out = row * hidden
                for d in 0..<hidden { x[out + d] = words[word + d] + positions[place + d] + type0[d] }
                row += 1
            }
        }
        x.withUnsafeMutableBufferPointer { out in
            pk_add_layernorm(kernel.raw, out.baseAddress, nil, gamma, beta, Int32(row), Int32(hidden), eps)
        }
    }
}

/// One transformer layer (post-norm, as BERT): self-attention, add & norm, feed-forward (GELU), add & norm.
struct TransformerLayer: Sendable {
    let qkv: PackedMatrix
    let output: PackedMatrix
    let attentionGamma: [Float]
    let attentionBeta: [Float]
    let up: PackedMatrix
    let down: PackedMatrix
    let outputGamma: [Float]
    let outputBeta: [Float]

    /// How the layer's matrices are held in memory.
    enum Storage { case float32, float16, int8 }

    init(prefix p: String, tensor: (String) -> EncoderFile.Tensor, configuration c: EncoderConfiguration, storage: Storage) {
        let a = p + "attention."
        /// The matrices `names` stacked (their outputs one after another), with their biases.
        func matrix(_ names: [String], inputs: Int) -> PackedMatrix {
            let weights = names.map { tensor($0 + ".weight") }
            let bias = names.flatMap { tensor($0 + ".bias").values }
            switch storage {
            case .int8:
                return PackedMatrix(quantized: weights.flatMap(\.quantized), scales: weights.flatMap(\.scales), outputs: bias.count, inputs: inputs, bias: bias)
            case .float16, .float32:
                return PackedMatrix(weights: weights.flatMap(\.values), outputs: bias.count, inputs: inputs, bias: bias, halfPrecision: storage == .float16)
            }
        }
        qkv = matrix([a + "self.query", a + "self.key", a + "self.value"], inputs: c.hidden)
        output = matrix([a + "output.dense"], inputs: c.hidden)
        attentionGamma = tensor(a + "output.LayerNorm.weight").values
        attentionBeta = tensor(a + "output.LayerNorm.bias").values
        up = matrix([p + "intermediate.dense"], inputs: c.hidden)
        down = matrix([p + "output.dense"], inputs: c.intermediate)
        outputGamma = tensor(p + "output.LayerNorm.weight").values
        outputBeta = tensor(p + "output.LayerNorm.bias").values
    }

    var byteCount: Int { qkv.byteCount + output.byteCount + up.byteCount + down.byteCount + 4 * 4 * attentionGamma.count }

    /// With a held `pool`, each step is split over its workers (bit for bit the same result).
    func forward(_ w: inout Workspace, scratch: inout PackedMatrix.Scratch, sequences: [Int], configuration c: EncoderConfiguration, kernel: EncoderKernel, pool: OpaquePointer?) {
        let scoresStride = w.scoresStride
        let hidden = c.hidden
        let rows = w.rows
        let eps = Float(c.layerNormEps)
        w.x.withUnsafeMutableBufferPointer { x in
            w.qkv.withUnsafeMutableBufferPointer { qkvOut in
                w.attention.withUnsafeMutableBufferPointer { attention in
                    w.projected.withUnsafeMutableBufferPointer { projected in
                        w.intermediate.withUnsafeMutableBufferPointer { intermediate in
                            w.scores.withUnsafeMutableBufferPointer { scores in
                                let x = x.baseAddress!, qkvOut = qkvOut.baseAddress!, attention = attention.baseAddress!
                                let projected = projected.baseAddress!, intermediate = intermediate.baseAddress!
                                qkv.apply(kernel, x, rows: rows, into: qkvOut, scratch: &scratch, pool: pool)
                                var row = 0
                                for length in sequences {
                                    pk_attention_pooled(pool, kernel.raw, qkvOut + row * 3 * hidden, Int32(length), Int32(c.heads), Int32(c.headDimension),
                                                        attention + row * hidden, scores.baseAddress, scoresStride)
                                    row += length
                                }
                                output.apply(kernel, attention, rows: rows, into: projected, scratch: &scratch, pool: pool)
                                pk_add_layernorm_pooled(pool, kernel.raw, projected, x, attentionGamma, attentionBeta, Int32(rows), Int32(hidden), eps)
                                up.apply(kernel, projected, rows: rows, into: intermediate, scratch: &scratch, pool: pool)
                                pk_gelu_pooled(pool, kernel.raw, intermediate, Int32(rows), Int32(c.intermediate))
                                down.apply(kernel, intermediate, rows: rows, into: x, scratch: &scratch, pool: pool)
                                pk_add_layernorm_pooled(pool, kernel.raw, x, projected, outputGamma, outputBeta, Int32(rows), Int32(hidden), eps)
                            }
                        }
                    }
                }
            }
        }
    }
}
