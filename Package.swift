// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "yswd",
    products: [
        .executable(name: "yswd", targets: ["yswd"]),
        .library(name: "FeedbackLoop", targets: ["FeedbackLoop"]),
        .library(name: "FeedbackLoopStore", targets: ["FeedbackLoopStore"]),
        .library(name: "FeedbackLoopSQLite", targets: ["FeedbackLoopSQLite"]),
        .library(name: "FeedbackLoopImport", targets: ["FeedbackLoopImport"]),
        .library(name: "FeedbackLoopPublish", targets: ["FeedbackLoopPublish"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", exact: "2.5.0"),
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", exact: "2.37.6"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/vapor/jwt-kit", exact: "5.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
    ],
    targets: [
        // The pure domain: values, rules, loop states. No I/O.
        .target(name: "FeedbackLoop"),

        // The record as async protocols by area, and the values they take and give: all the rooms
        // above the store see. No database driver.
        .target(
            name: "FeedbackLoopStore",
            dependencies: ["FeedbackLoop", .product(name: "Crypto", package: "swift-crypto")]),

        // The SQLite engine (GRDB): the embedded default. Schema, history triggers, queries.
        .target(
            name: "FeedbackLoopSQLite",
            dependencies: [
                "FeedbackLoop", "FeedbackLoopStore", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedMigrations"]
        ),

        // The PostgreSQL engine (postgres-nio): for hosts that serve many organisations on several app
        // servers. The same protocols, the same history and rules, written in PostgreSQL's dialect.
        .target(
            name: "FeedbackLoopPostgres",
            dependencies: [
                "FeedbackLoop", "FeedbackLoopStore", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"), .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            plugins: ["EmbedMigrations"]
        ),

        // Readers and writers of external formats (CSV survey exports, Decidim, OpenConsult), as streams.
        .target(
            name: "FeedbackLoopImport",
            dependencies: ["FeedbackLoop", .product(name: "Crypto", package: "swift-crypto")]
        ),

        // Participant-facing renderers (updates, follow-ups, the site), templates and the privacy guard.
        .target(
            name: "FeedbackLoopPublish",
            dependencies: [
                "FeedbackLoop", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),

        // GOV.UK Notify's API: signed requests (HS256 tokens through jwt-kit) sent with async-http-client, its
        // rate limit, its refusals in words, and its rules for the addresses and numbers it accepts.
        .target(
            name: "FeedbackLoopNotify",
            dependencies: [
                "FeedbackLoop", .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
            ]
        ),

        // Texts handed to translators and back: XLIFF 2.0 (written and read with FoundationXML, which is
        // libxml2) and CSV.
        .target(name: "FeedbackLoopTranslate", dependencies: ["FeedbackLoop", "FeedbackLoopImport"]),

        // The steps that join the store and the renderers (publish an update, write follow-ups), shared
        // by both front doors so neither holds a step of its own.
        .target(
            name: "FeedbackLoopWorkflows",
            dependencies: [
                "FeedbackLoop", "FeedbackLoopStore", "FeedbackLoopPublish", "FeedbackLoopNotify",
                "FeedbackLoopTranslate",
            ]),

        // Synthetic but realistic records (`yswd generate`), written through the store's bulk writer.
        .target(
            name: "FeedbackLoopSynthetic", dependencies: ["FeedbackLoop", "FeedbackLoopStore", "FeedbackLoopSQLite"]),

        // The staff web app (`yswd serve`): routes, sessions, forms, view models. Thin: it calls the
        // same store, import and publish code the command line calls.
        .target(
            name: "FeedbackLoopWeb",
            dependencies: [
                "FeedbackLoop", "FeedbackLoopStore", "FeedbackLoopImport", "FeedbackLoopPublish",
                "FeedbackLoopWorkflows", "FeedbackLoopNotify", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),

        // The command line: parses arguments, wires the library together, prints.
        .executableTarget(
            name: "yswd",
            dependencies: [
                "FeedbackLoop",
                "FeedbackLoopStore",
                "FeedbackLoopSQLite",
                "FeedbackLoopPostgres",
                "FeedbackLoopImport",
                "FeedbackLoopPublish",
                "FeedbackLoopSynthetic",
                "FeedbackLoopWeb",
                "FeedbackLoopWorkflows", "FeedbackLoopNotify", "FeedbackLoopTranslate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Build-time embedding of migrations/*.sql into the store as string literals.
        .executableTarget(name: "MigrationEmbedder", path: "Plugins/MigrationEmbedder"),
        .plugin(name: "EmbedMigrations", capability: .buildTool(), dependencies: ["MigrationEmbedder"]),

        // What the tests share: a record on either engine, and a throwaway PostgreSQL database for each.
        .target(
            name: "YswdTestSupport",
            dependencies: [
                "FeedbackLoop", "FeedbackLoopStore", "FeedbackLoopSQLite", "FeedbackLoopPostgres",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/Support"
        ),

        .testTarget(name: "FeedbackLoopTests", dependencies: ["FeedbackLoop"]),
        .testTarget(name: "FeedbackLoopImportTests", dependencies: ["FeedbackLoopImport", "FeedbackLoop"]),
        .testTarget(
            name: "FeedbackLoopTranslateTests",
            dependencies: ["FeedbackLoopTranslate", "FeedbackLoop", "FeedbackLoopPublish"]),
        .testTarget(
            name: "FeedbackLoopPublishTests", dependencies: ["FeedbackLoopPublish", "FeedbackLoop"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FeedbackLoopStoreTests",
            dependencies: [
                "FeedbackLoopStore", "FeedbackLoopSQLite", "FeedbackLoopPostgres", "FeedbackLoop",
                "FeedbackLoopSynthetic", "YswdTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "FeedbackLoopWebTests",
            dependencies: [
                "FeedbackLoopWeb", "FeedbackLoopStore", "FeedbackLoopSQLite", "FeedbackLoop", "YswdTestSupport",
                .product(name: "PostgresNIO", package: "postgres-nio"), "FeedbackLoopPublish",
                "FeedbackLoopImport", "FeedbackLoopNotify",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .testTarget(
            name: "yswdTests",
            dependencies: [
                "yswd", "FeedbackLoop", "FeedbackLoopStore", "FeedbackLoopSQLite", "FeedbackLoopImport",
                "YswdTestSupport", "FeedbackLoopWeb", "FeedbackLoopPostgres",
                "FeedbackLoopSynthetic",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            exclude: ["Fixtures"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
