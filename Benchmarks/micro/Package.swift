// swift-tools-version:6.1
import PackageDescription

// Parley's micro-benchmarks on package-benchmark (ordo-one/benchmark): warm-up,
// percentiles, allocation counts and baseline comparison across commits.
// A package of its own, so that the product's build does not fetch or compile
// the benchmark framework; it uses the product's modules through the root
// package's `ParleyModules` library. Run from the checkout's root:
//
//   swift package --package-path Benchmarks/micro benchmark
//
// See README, "Benchmarks".
let benchmarkTargets = ["PageCipher", "Audit", "Redaction", "NLU"]

let package = Package(
    name: "ParleyMicroBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Parley", path: "../.."),
        .package(url: "https://github.com/ordo-one/benchmark.git", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Shared configuration (metrics, thresholds) and baselines of the benchmarks.
        .target(name: "MicroBenchmarkSupport", dependencies: [.product(name: "Benchmark", package: "benchmark")]),
    ] + benchmarkTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: [
                "MicroBenchmarkSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ParleyModules", package: "Parley"),
            ],
            path: "Benchmarks/\(name)",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    },
    swiftLanguageModes: [.v6]
)
