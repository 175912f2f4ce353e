import FeedbackLoop
import FeedbackLoopStore
import GRDB

extension OrganisationKind: DatabaseValueConvertible {}

extension SQLiteStore {
    /// Records an organisation.
    /// - Throws: ``StoreError/duplicateOrganisation(_:)`` when the key is taken.
    @discardableResult
    public func addOrganisation(_ organisation: Organisation) async throws -> Organisation {
        var organisation = organisation
        organisation.key = try EntryRules.identifier(organisation.key, field: .argument("KEY"))
        organisation.name = try requireText(organisation.name, field: .entry("name"))
        return try await writing { [organisation] db in
            var organisation = organisation
            if try Organisation.rows.filter(Column("key") == organisation.key).fetchCount(db) > 0 {
                throw StoreError.duplicateOrganisation(organisation.key)
            }
            try organisation.insert(db)
            return organisation
        }
    }

    /// Renames an organisation or changes its kind.
    @discardableResult
    public func updateOrganisation(key: String, name: String?, kind: OrganisationKind?) async throws -> Organisation {
        let name = try name.map { try requireText($0, field: .entry("name")) }
        return try await writing { db in
            var organisation = try Self.organisation(db, key: key)
            if let name { organisation.name = name }
            if let kind { organisation.kind = kind }
            try organisation.update(db)
            return organisation
        }
    }

    /// Removes an organisation no activity names.
    /// - Throws: ``StoreError/organisationInUse(key:activities:)`` while activities name it.
    public func removeOrganisation(key: String) async throws {
        try await writing { db in
            let organisation = try Self.organisation(db, key: key)
            let used = try Activity.rows.filter(Column("organisationId") == organisation.id).fetchCount(db)
            guard used == 0 else { throw StoreError.organisationInUse(key: key, activities: used) }
            try organisation.delete(db)
        }
    }

    /// Every organisation, by key, with how many activities each ran.
    public func organisations() async throws -> [OrganisationSummary] {
        try await reading { db in
            try Row.fetchAll(
                db,
                sql: """
                    SELECT o.key, o.name, o.kind, (SELECT count(*) FROM activity a WHERE a.organisationId = o.id) AS n
                    FROM organisation o ORDER BY o.key
                    """
            ).map {
                OrganisationSummary(
                    key: try $0.read("key"), name: try $0.read("name"), kind: try $0.read("kind"),
                    activities: try $0.read("n"))
            }
        }
    }

    /// Every organisation's store number, by its key.
    public func organisationIds() async throws -> [String: Int64] {
        try await reading { db in
            Dictionary(
                try Row.fetchAll(db, sql: "SELECT key, id FROM organisation").map {
                    (try $0.read("key"), try $0.read("id"))
                },
                uniquingKeysWith: { first, _ in first })
        }
    }

    /// Every organisation's name, by its store number.
    public func organisationNames() async throws -> [Int64: String] {
        try await reading { db in
            Dictionary(
                uniqueKeysWithValues: try Row.fetchAll(db, sql: "SELECT id, name FROM organisation").map {
                    (try $0.read("id", as: Int64.self), try $0.read("name", as: String.self))
                })
        }
    }

    /// The organisation with `key`.
    public func organisation(key: String) async throws -> Organisation {
        try await reading { db in try Self.organisation(db, key: key) }
    }

    static func organisation(_ db: Database, key: String) throws -> Organisation {
        guard let organisation = try Organisation.rows.filter(Column("key") == key).one(db) else {
            throw StoreError.unknownOrganisation(
                key: key,
                known: try String.fetchAll(
                    db, sql: "SELECT key FROM organisation ORDER BY key"))
        }
        return organisation
    }

    /// The organisation of each activity that has one, by activity id, as keys.
    static func organisationKeys(_ db: Database, activityId: Int64? = nil) throws -> [Int64: String] {
        Dictionary(
            uniqueKeysWithValues: try Row.fetchAll(
                db,
                sql: """
                    SELECT a.id, o.key FROM activity a JOIN organisation o ON o.id = a.organisationId
                    WHERE ?1 IS NULL OR a.id = ?1
                    """, arguments: [activityId]
            ).map { (try $0.read("id", as: Int64.self), try $0.read("key", as: String.self)) })
    }
}
