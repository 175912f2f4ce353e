import FeedbackLoopStore
import Foundation
import PostgresNIO

/// yswd's tables in a PostgreSQL database: created or brought up to date by the migrations in
/// `migrations/postgres/`, one transaction each, with an advisory lock so two servers starting at
/// once do not both migrate.
enum PostgresSchema {
    /// The identifiers of the migrations this build knows, in order.
    static var known: [String] { embeddedMigrations.map(\.identifier) }

    /// Applies the migrations the database lacks.
    /// - Returns: whether yswd's tables were created.
    static func migrate(_ store: PostgresStore, mode: PostgresStore.OpenMode) async throws -> Bool {
        try await store.mappingErrors {
            try await store.client.withTransaction(logger: store.logger) { connection in
                try await connection.query(
                    "SELECT pg_advisory_xact_lock(hashtext('yswd migrations'))", logger: store.logger)
                let tables = try await connection.query(
                    "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema()",
                    logger: store.logger
                ).collect().map { try $0.decode(String.self) }
                let database = store.address.database
                var applied: [String] = []
                if tables.contains("yswd_migration") {
                    applied = try await connection.query(
                        "SELECT identifier FROM yswd_migration ORDER BY identifier", logger: store.logger
                    ).collect().map { try $0.decode(String.self) }
                } else if !tables.isEmpty {
                    throw ServerError.notYswdDatabase(database: database)
                } else if mode == .existing {
                    throw ServerError.notInitialised(database: database, server: store.address.server)
                }
                if applied.contains(where: { !known.contains($0) }) {
                    throw ServerError.newerDatabase(database: database)
                }
                let missing = embeddedMigrations.filter { !applied.contains($0.identifier) }
                guard !missing.isEmpty else { return false }
                try await connection.query(
                    "CREATE TABLE IF NOT EXISTS yswd_migration (identifier text PRIMARY KEY, appliedAt text NOT NULL)",
                    logger: store.logger)
                for migration in missing {
                    for statement in SQLStatements.split(migration.sql) {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: store.logger)
                    }
                    try await connection.query(
                        "INSERT INTO yswd_migration (identifier, appliedAt) VALUES (\(migration.identifier), \(store.now))",
                        logger: store.logger)
                }
                return applied.isEmpty
            }
        }
    }
}
