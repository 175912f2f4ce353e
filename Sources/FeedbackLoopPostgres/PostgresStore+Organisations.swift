import FeedbackLoop
import FeedbackLoopStore
import PostgresNIO

extension PostgresStore {
    /// Records an organisation.
    @discardableResult
    public func addOrganisation(_ organisation: Organisation) async throws -> Organisation {
        var organisation = organisation
        organisation.key = try EntryRules.identifier(organisation.key, field: .argument("KEY"))
        organisation.name = try requireText(organisation.name, field: .entry("name"))
        return try await writing { [organisation] session in
            var organisation = organisation
            if try await session.count("SELECT count(*) AS n FROM organisation WHERE key = \(organisation.key)") > 0 {
                throw StoreError.duplicateOrganisation(organisation.key)
            }
            organisation.id = try await session.value(
                "id", as: Int64.self,
                RowValues(organisation, leaving: ["id"]).insert(into: "organisation", returning: "id"))
            return organisation
        }
    }

    /// Renames an organisation or changes its kind.
    @discardableResult
    public func updateOrganisation(key: String, name: String?, kind: OrganisationKind?) async throws -> Organisation {
        let name = try name.map { try requireText($0, field: .entry("name")) }
        return try await writing { session in
            var organisation = try await Self.organisation(session, key: key)
            if let name { organisation.name = name }
            if let kind { organisation.kind = kind }
            try await session.execute(
                RowValues(organisation, leaving: ["id"]).update(
                    "organisation", where: { "id = $\($0)" }, [try organisation.id.saved()]))
            return organisation
        }
    }

    /// Removes an organisation no activity names.
    public func removeOrganisation(key: String) async throws {
        try await writing { session in
            let organisation = try await Self.organisation(session, key: key)
            let id = try organisation.id.saved()
            let used = try await session.count("SELECT count(*) AS n FROM activity WHERE organisationId = \(id)")
            guard used == 0 else { throw StoreError.organisationInUse(key: key, activities: used) }
            try await session.execute("DELETE FROM organisation WHERE id = \(id)")
        }
    }

    /// Every organisation, by key, with how many activities each ran.
    public func organisations() async throws -> [OrganisationSummary] {
        try await reading { session in
            try await session.rows(
                """
                SELECT o.key, o.name, o.kind, (SELECT count(*) FROM activity a WHERE a.organisationId = o.id) AS n
                FROM organisation o ORDER BY o.key
                """
            ).map {
                OrganisationSummary(
                    key: try $0.read("key"), name: try $0.read("name"),
                    kind: try OrganisationKind.stored(try $0.read("kind"), column: "kind"),
                    activities: Int(try $0.read("n", as: Int64.self)))
            }
        }
    }

    /// Every organisation's store number, by its key.
    public func organisationIds() async throws -> [String: Int64] {
        try await reading { session in
            Dictionary(
                try await session.rows("SELECT key, id FROM organisation").map {
                    (try $0.read("key", as: String.self), try $0.read("id", as: Int64.self))
                }, uniquingKeysWith: { first, _ in first })
        }
    }

    /// Every organisation's name, by its store number.
    public func organisationNames() async throws -> [Int64: String] {
        try await reading { session in
            Dictionary(
                uniqueKeysWithValues: try await session.rows("SELECT id, name FROM organisation").map {
                    (try $0.read("id", as: Int64.self), try $0.read("name", as: String.self))
                })
        }
    }

    /// The organisation with `key`.
    public func organisation(key: String) async throws -> Organisation {
        try await reading { session in try await Self.organisation(session, key: key) }
    }

    static func organisation(_ session: PostgresSession, key: String) async throws -> Organisation {
        guard
            let organisation = try await session.one(Organisation.self, "SELECT * FROM organisation WHERE key = \(key)")
        else {
            throw StoreError.unknownOrganisation(
                key: key,
                known: try await session.values("key", as: String.self, "SELECT key FROM organisation ORDER BY key"))
        }
        return organisation
    }
}

extension RecordEnumeration where RawValue == String {
    /// A stored value of the enumeration, or ``StoreError/unreadable(column:)``.
    static func stored(_ text: String, column: String) throws(StoreError) -> Self {
        guard let value = Self(rawValue: text) else { throw .unreadable(column: column) }
        return value
    }
}
