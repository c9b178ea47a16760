import Benchmark
import MicroBenchmarkSupport
import ParleyAudit
import ParleyCrypto

// The audit core at audit-bench's sizes, each operation beside a SHA-256 of
// the same bytes, the baseline audit-bench reports its ratios against.
// Persisted appends (through the encrypted store) stay in audit-bench.

let benchmarks: @Sendable () -> Void = {
    let perEntry = MicroConfiguration.configuration(scalingFactor: .kilo)
    let whole = MicroConfiguration.configuration(maxDuration: .seconds(3))

    Benchmark("Audit: baseline: SHA-256 of an entry's canonical bytes", configuration: perEntry) { benchmark in
        let fixture = try sharedAuditFixture.get()
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(SHA256.hash(fixture.sampleBytes[index % AuditFixture.sampleSize]))
        }
    }
    Benchmark("Audit: append an entry (encode, leaf hash, frontier append)", configuration: perEntry) { benchmark in
        let fixture = try sharedAuditFixture.get()
        var frontier = MerkleFrontier()
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            frontier.append(leafHash: MerkleHash.leaf(fixture.sample[index % AuditFixture.sampleSize].canonicalBytes))
        }
        benchmark.stopMeasurement()
        blackHole(frontier.root)
    }
    Benchmark("Audit: inclusion proof in a tree of 1,000,000", configuration: perEntry) { benchmark in
        let fixture = try sharedAuditFixture.get()
        let size = UInt64(AuditFixture.treeSize)
        let first = fixture.exportEntries[0].sequence - 1
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            blackHole(try fixture.tree.inclusionProof(leafIndex: first + UInt64(index % AuditFixture.exportSize), treeSize: size))
        }
    }
    Benchmark("Audit: verify an inclusion proof", configuration: perEntry) { benchmark in
        let fixture = try sharedAuditFixture.get()
        let root = fixture.tree.root
        benchmark.startMeasurement()
        for index in benchmark.scaledIterations {
            let offset = index % AuditFixture.exportSize
            try fixture.proofs[offset].verify(leafHash: fixture.exportEntries[offset].leafHash, root: root)
        }
    }
    Benchmark("Audit: baseline: SHA-256 of a 10,000-entry bundle", configuration: whole) { benchmark in
        let fixture = try sharedAuditFixture.get()
        benchmark.startMeasurement()
        blackHole(SHA256.hash(fixture.bundleBytes))
    }
    Benchmark("Audit: verify a 10,000-entry bundle", configuration: whole) { benchmark in
        let fixture = try sharedAuditFixture.get()
        benchmark.startMeasurement()
        let report = AuditBundleVerifier.verify(bundleBytes: fixture.bundleBytes, verifierKey: fixture.signer.verifierKey)
        benchmark.stopMeasurement()
        if !report.isVerified { benchmark.error("the bundle does not verify") }
    }
    Benchmark("Audit: baseline: SHA-256 of an entry receipt", configuration: whole) { benchmark in
        let fixture = try sharedAuditFixture.get()
        benchmark.startMeasurement()
        blackHole(SHA256.hash(fixture.receiptBytes))
    }
    Benchmark("Audit: make an entry receipt", configuration: whole) { benchmark in
        let fixture = try sharedAuditFixture.get()
        benchmark.startMeasurement()
        blackHole(try AuditReceipt.make(
            entry: fixture.receiptEntry, tree: fixture.receiptTree, checkpointNote: fixture.receiptNote, signer: fixture.signer
        ))
    }
    Benchmark("Audit: verify an entry receipt", configuration: whole) { benchmark in
        let fixture = try sharedAuditFixture.get()
        benchmark.startMeasurement()
        let report = AuditReceipt.verify(bytes: fixture.receiptBytes, verifierKey: fixture.signer.verifierKey)
        benchmark.stopMeasurement()
        if !report.isVerified { benchmark.error("the receipt does not verify") }
    }
}
