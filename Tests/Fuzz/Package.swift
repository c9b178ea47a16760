// swift-tools-version:6.1
import PackageDescription

// Parley's libFuzzer targets for file and message input, one executable a
// target. A package of its own, so that the product's build and CI are
// unaffected; it uses the product's modules through the root package's
// `ParleyModules` library. Built by Tests/Fuzz/run-fuzzers.sh in release with
//
//   -sanitize=fuzzer,address -parse-as-library -enable-testing
//
// (-enable-testing for `@testable import`: some readers take bytes only
// internally; -parse-as-library: no top-level code; each target's
// `<module>_main`, which SwiftPM links as `main`, runs libFuzzer's driver
// through CFuzzerDriver).
// The VFS page reader is a C target of the same script (vfs_page_reader.c).
let fuzzTargets = [
    "fuzz-redactor", "fuzz-nlu-parse", "fuzz-yaml-loaders", "fuzz-csv-loaders",
    "fuzz-model-file", "fuzz-encoder-file", "fuzz-audit-bundle",
]

let package = Package(
    name: "ParleyFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Parley", path: "../.."),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzerDriver", .product(name: "ParleyModules", package: "Parley")]),
    ] + fuzzTargets.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "ParleyModules", package: "Parley"), .product(name: "Logging", package: "swift-log")],
            path: "Sources/\(name)"
        )
    },
    swiftLanguageModes: [.v6]
)
