// swift-tools-version:6.1
import PackageDescription

// The module graph points one way (see README "Architecture"):
// domain modules (NLU, Dialogue, Escalation, Redaction, Integrations) import
// neither the HTTP server nor the database; ParleyEngine composes them into the
// turn pipeline; ParleyServer and `parley chat` both drive that one engine.
let package = Package(
    name: "Parley",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "parley", targets: ["parley"]),
        // For the micro-benchmarks' nested package (Benchmarks/micro), which imports these modules.
        .library(
            name: "ParleyModules",
            targets: ["CSQLiteCrypt", "ParleyCrypto", "ParleyAudit", "ParleyStore", "ParleyRedaction", "ParleyNLU", "ParleyEngine"]
        ),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Already resolved for Hummingbird; named for the HTTP parser's errors and the channel handlers in ParleyServer/Connection.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSodium",
            pkgConfig: "libsodium",
            providers: [.apt(["libsodium-dev"])]
        ),
        // OpenSSL 3's libcrypto: the faster of the page cipher's two implementations (CSQLiteCrypt/pc_openssl.c).
        .systemLibrary(
            name: "CLibcrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        // The page-encrypting SQLite VFS; GRDBSQLite so that GRDB and the VFS share one libsqlite3.
        .target(
            name: "CSQLiteCrypt",
            dependencies: ["CSodium", "CLibcrypto", .product(name: "GRDBSQLite", package: "GRDB.swift")],
            // The simulated full disk of pc_testing.c, in debug builds only (never in a release, so never shipped).
            cSettings: [.define("PARLEY_CRYPT_TESTING", .when(configuration: .debug))]
        ),
        .target(name: "ParleyCrypto", dependencies: ["CSodium"]),
        // Google's libphonenumber (Debian libphonenumber-dev, C++) behind a C function.
        .target(name: "CPhoneNumber", linkerSettings: [.linkedLibrary("phonenumber")]),
        // The redactor's word lists and tagger weights (Data/), embedded by the C compiler's #embed:
        // SwiftPM's embedInCode writes them as a [UInt8] literal that takes minutes to compile.
        .target(name: "CParleyLexicon", exclude: ["Data"]),
        .target(name: "ParleyRedaction", dependencies: ["ParleyCrypto", "CPhoneNumber", "CParleyLexicon"]),
        .target(name: "ParleyNLU", dependencies: ["ParleyCrypto"]),
        // The sentence encoder's float kernels, one copy per instruction set, chosen at run time;
        // optimised even in debug builds, where -O0 kernels would make the encoder tests crawl.
        .target(name: "CParleyKernels", cSettings: [.unsafeFlags(["-O2"])]),
        .target(name: "ParleyEncoder", dependencies: ["CParleyKernels", "ParleyCrypto"]),
        .target(name: "ParleyDialogue", dependencies: ["ParleyNLU"]),
        .target(name: "ParleyEscalation", dependencies: ["ParleyDialogue", "ParleyNLU"]),
        .target(name: "ParleyIntegrations"),
        .target(
            name: "ParleyStore",
            dependencies: [
                "ParleyCrypto", "CSQLiteCrypt",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        .target(name: "ParleyAudit", dependencies: ["ParleyCrypto", "ParleyStore"]),
        .target(name: "ParleyRetention", dependencies: ["ParleyStore", "ParleyAudit", "ParleyCrypto"]),
        // The learning loop's logic: review policy, held-out split, training set, gate, shadow tallies.
        .target(name: "ParleyLearning", dependencies: ["ParleyNLU", "ParleyStore", "ParleyCrypto"]),
        .target(
            name: "ParleyEngine",
            dependencies: [
                "ParleyRedaction", "ParleyNLU", "ParleyDialogue", "ParleyEscalation", "ParleyIntegrations",
                "ParleyStore", "ParleyCrypto", "ParleyAudit", "ParleyRetention", "ParleyEncoder", "ParleyLearning",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        .target(
            name: "ParleyServer",
            dependencies: [
                "ParleyEngine", "ParleyAudit", "ParleyRetention", "ParleyStore", "ParleyCrypto", "ParleyIntegrations", "ParleyRedaction",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ],
            resources: [
                .embedInCode("OpenAPI/openapi.json"),
                // The agent console (HTML, CSS, ES modules), served under /console.
                .embedInCode("Console/Assets/index.html"), .embedInCode("Console/Assets/console.css"),
                .embedInCode("Console/Assets/app.js"), .embedInCode("Console/Assets/api.js"), .embedInCode("Console/Assets/dom.js"),
                .embedInCode("Console/Assets/events.js"), .embedInCode("Console/Assets/queues.js"),
                .embedInCode("Console/Assets/conversation.js"), .embedInCode("Console/Assets/transcript.js"),
                .embedInCode("Console/Assets/shortcuts.js"), .embedInCode("Console/Assets/auditor.js"),
                .embedInCode("Console/Assets/admin.js"), .embedInCode("Console/Assets/tokens.js"), .embedInCode("Console/Assets/models.js"),
                .embedInCode("Console/Assets/review.js"),
            ]
        ),
        .target(
            name: "ParleyCLI",
            dependencies: [
                "ParleyServer", "ParleyEngine", "ParleyAudit", "ParleyStore", "ParleyNLU", "ParleyRedaction", "ParleyCrypto", "ParleyRetention",
                "ParleyEncoder", "ParleyLearning",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        .executableTarget(name: "parley", dependencies: ["ParleyCLI"]),

        // Benchmarks (run in release; see README, "Benchmarks").
        .executableTarget(
            name: "vfs-bench",
            dependencies: ["CSQLiteCrypt", .product(name: "GRDBSQLite", package: "GRDB.swift")],
            path: "Benchmarks/vfs-bench"
        ),
        .executableTarget(
            name: "retention-bench",
            dependencies: ["ParleyEngine", "ParleyStore", "CSQLiteCrypt", "CSodium", .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/retention-bench"
        ),
        .executableTarget(
            name: "turn-server",
            dependencies: [
                "ParleyEngine", "ParleyServer", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            path: "Benchmarks/turn-server"
        ),
        .executableTarget(name: "audit-bench", dependencies: ["ParleyAudit", "ParleyCrypto", "ParleyStore"], path: "Benchmarks/audit-bench"),
        .executableTarget(name: "nlu-bench", dependencies: ["ParleyNLU"], path: "Benchmarks/nlu-bench"),
        .executableTarget(name: "encoder-bench", dependencies: ["ParleyEncoder", "ParleyNLU"], path: "Benchmarks/encoder-bench"),
        .executableTarget(name: "redaction-bench", dependencies: ["ParleyRedaction", "ParleyNLU", "ParleyCrypto"], path: "Benchmarks/redaction-bench"),
        // Trains the named-entity tagger and writes its weights into ParleyRedaction (run in release).
        .executableTarget(name: "ner-train", dependencies: ["ParleyRedaction"], path: "packaging/redaction/ner-train"),
        .executableTarget(
            name: "learning-bench",
            dependencies: ["ParleyEngine", "ParleyLearning", "ParleyNLU", "ParleyStore", "ParleyAudit", "ParleyCrypto", "ParleyRedaction", .product(name: "Logging", package: "swift-log")],
            path: "Benchmarks/learning-bench"
        ),

        .target(
            name: "ParleyTestSupport",
            dependencies: ["ParleyEngine", "ParleyRedaction", "ParleyAudit", "ParleyStore", "ParleyCrypto", "CSQLiteCrypt", "ParleyLearning", .product(name: "Logging", package: "swift-log")],
            path: "Tests/ParleyTestSupport"
        ),
        .testTarget(name: "ParleyCryptoTests", dependencies: ["ParleyCrypto"]),
        // A process that writes through the VFS and dies without cleaning up, for crash-recovery tests.
        .executableTarget(
            name: "vfs-crash-writer",
            dependencies: ["CSQLiteCrypt", .product(name: "GRDBSQLite", package: "GRDB.swift")],
            path: "Tests/vfs-crash-writer"
        ),
        .testTarget(
            name: "CSQLiteCryptTests",
            dependencies: ["CSQLiteCrypt", "CSodium", "vfs-crash-writer", .product(name: "GRDBSQLite", package: "GRDB.swift")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ParleyRedactionTests", dependencies: ["ParleyRedaction"]),
        .testTarget(name: "ParleyNLUTests", dependencies: ["ParleyNLU"]),
        .testTarget(name: "ParleyEncoderTests", dependencies: ["ParleyEncoder", "CParleyKernels"], exclude: ["Fixtures"]),
        .testTarget(name: "ParleyDialogueTests", dependencies: ["ParleyDialogue", "ParleyEscalation"]),
        .testTarget(name: "ParleyStoreTests", dependencies: ["ParleyStore", "ParleyCrypto", .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "ParleyAuditTests", dependencies: ["ParleyAudit", "ParleyCrypto", "ParleyStore"], exclude: ["Fixtures"]),
        .testTarget(name: "ParleyEngineTests", dependencies: ["ParleyEngine", "ParleyTestSupport", "ParleyRedaction", "ParleyCrypto", "ParleyRetention", "ParleyStore", "ParleyLearning", "ParleyNLU", "ParleyAudit"]),
        .testTarget(name: "ParleyRetentionTests", dependencies: ["ParleyRetention", "ParleyStore", "ParleyAudit", "ParleyCrypto"]),
        .testTarget(name: "ParleyLearningTests", dependencies: ["ParleyLearning", "ParleyNLU", "ParleyStore", "ParleyCrypto"]),
        .testTarget(
            name: "ParleyServerTests",
            dependencies: [
                "ParleyServer", "ParleyTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ParleyCLITests",
            dependencies: [
                "ParleyCLI", "ParleyEngine", "ParleyAudit", "ParleyNLU", "ParleyRedaction", "ParleyStore", "ParleyCrypto", "ParleyTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
