import FeedbackLoopStore
import NIOCore
import PostgresNIO

/// `yswd copy` on PostgreSQL: read a page at a time in key order; loaded with `COPY` in one
/// transaction, the tables' own triggers set aside (what is copied already holds its history) and
/// foreign keys checked at its end, so a failed copy leaves the database as it was.
extension PostgresStore: RecordTransfer {
    public var shownAddress: String { address.shown }

    public func tableNames() async throws -> Set<String> {
        let names = try await reading { session in
            try await session.values(
                "name", as: String.self,
                """
                SELECT table_name::text AS name FROM information_schema.tables
                WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'yswd_migration'
                """)
        }
        // PostgreSQL folds unquoted names to lower case: name them as the layout does.
        let layout = Dictionary(uniqueKeysWithValues: RecordLayout.tables.map { ($0.name.lowercased(), $0.name) })
        return Set(names.map { layout[$0] ?? $0 })
    }

    public func columns(of table: RecordTable) async throws -> [String] {
        try await reading { session in try await Self.columns(of: table, in: session) }
    }

    private static func columns(of table: RecordTable, in session: PostgresSession) async throws -> [String] {
        try await session.values(
            "name", as: String.self,
            """
            SELECT column_name::text AS name FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = \(table.name.lowercased()) AND is_generated = 'NEVER'
            ORDER BY ordinal_position
            """)
    }

    public func rowCount(of table: RecordTable) async throws -> Int {
        try await reading { session in
            try await session.count(PostgresQuery(unsafeSQL: "SELECT count(*) AS n FROM \(Self.quoted(table.name))"))
        }
    }

    public func page(of table: RecordTable, columns: [String], after: [StoredValue]?, limit: Int) async throws
        -> [[StoredValue]]
    {
        let key = table.key.map(Self.quoted)
        var sql = "SELECT \(columns.map(Self.quoted).joined(separator: ", ")) FROM \(Self.quoted(table.name))"
        var bindings = PostgresBindings()
        if let after {
            for value in after { value.bind(into: &bindings) }
            let places = after.indices.map { "$\($0 + 1)" }
            sql += " WHERE (\(key.joined(separator: ", "))) > (\(places.joined(separator: ", ")))"
        }
        sql += " ORDER BY \(key.joined(separator: ", ")) LIMIT \(limit)"
        let query = PostgresQuery(unsafeSQL: sql, binds: bindings)
        return try await reading { session in
            var rows: [[StoredValue]] = []
            for try await row in try await session.connection.query(query, logger: session.logger) {
                rows.append(try row.map(StoredValue.init))
            }
            return rows
        }
    }

    public func load(
        from source: any RecordTransfer, tables: [RecordTable], progress: @Sendable (String, Int) -> Void
    ) async throws {
        try await mappingErrors {
            try await client.withTransaction(logger: logger) { connection in
                let session = PostgresSession(connection: connection, logger: logger)
                try await session.execute("SET CONSTRAINTS ALL DEFERRED")
                for table in tables {
                    try await session.execute(
                        PostgresQuery(unsafeSQL: "ALTER TABLE \(Self.quoted(table.name)) DISABLE TRIGGER USER"))
                }
                for table in tables {
                    let columns = try await Self.columns(of: table, in: session)
                    var copied = 0
                    try await connection.copyFrom(table: table.name.lowercased(), columns: columns, logger: logger) {
                        writer in
                        var buffer = ByteBuffer()
                        try await source.eachPage(of: table, columns: columns) { rows in
                            for row in rows {
                                buffer.writeString(row.map(\.copyField).joined(separator: "\t"))
                                buffer.writeInteger(UInt8(ascii: "\n"))
                            }
                            if buffer.readableBytes > 1 << 20 {
                                try await writer.write(buffer)
                                buffer.clear()
                            }
                            copied += rows.count
                            progress(table.name, copied)
                        }
                        if buffer.readableBytes > 0 { try await writer.write(buffer) }
                    }
                }
                // Each table's next id follows the highest copied, as SQLite's do.
                let counted = try await session.values(
                    "name", as: String.self,
                    """
                    SELECT table_name::text AS name FROM information_schema.columns
                    WHERE table_schema = current_schema() AND column_name = 'id' AND is_identity = 'YES'
                    """)
                for table in counted {
                    let name = Self.quoted(table)
                    try await session.execute(
                        PostgresQuery(
                            unsafeSQL: """
                                SELECT setval(pg_get_serial_sequence('\(name)', 'id'),
                                    (SELECT coalesce(max(id), 0) + 1 FROM \(name)), false)
                                """))
                }
                // The foreign keys are checked here, before the triggers come back.
                try await session.execute("SET CONSTRAINTS ALL IMMEDIATE")
                for table in tables {
                    try await session.execute(
                        PostgresQuery(unsafeSQL: "ALTER TABLE \(Self.quoted(table.name)) ENABLE TRIGGER USER"))
                }
                // The planner's statistics for the rows just loaded (autovacuum would gather them later).
                try await session.execute("ANALYZE")
            }
        }
    }

    /// A table or column name as PostgreSQL holds it (folded to lower case), quoted.
    static func quoted(_ name: String) -> String { "\"" + name.lowercased() + "\"" }
}

extension StoredValue {
    init(_ cell: PostgresCell) throws {
        guard cell.bytes != nil else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int8, .int4, .int2: self = .integer(try cell.decode(Int64.self))
        case .float8, .float4: self = .real(try cell.decode(Double.self))
        case .bytea: self = .blob(Array(buffer: try cell.decode(ByteBuffer.self)))
        default: self = .text(try cell.decode(String.self))
        }
    }

    func bind(into bindings: inout PostgresBindings) {
        switch self {
        case .null: bindings.appendNull()
        case .integer(let number): bindings.append(number)
        case .real(let number): bindings.append(number)
        case .text(let text): bindings.append(text)
        case .blob(let bytes): bindings.append(ByteBuffer(bytes: bytes))
        }
    }

    /// The value in COPY's text format.
    var copyField: String {
        switch self {
        case .null: "\\N"
        case .integer(let number): String(number)
        case .real(let number):
            number.isNaN ? "NaN" : number.isInfinite ? (number < 0 ? "-Infinity" : "Infinity") : "\(number)"
        case .text(let text): PostgresImportWriter.copyField(text)
        // bytea's hex form, its backslash escaped for COPY.
        case .blob(let bytes): "\\\\x" + bytes.map { String(format: "%02x", $0) }.joined()
        }
    }
}
