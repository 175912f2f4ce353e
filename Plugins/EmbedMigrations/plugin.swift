import Foundation
import PackagePlugin

/// Embeds every `migrations/NNNN_description.sql` file of the package into the target as a
/// string literal (`migrations/postgres/` for the PostgreSQL engine), so a copied or installed
/// `yswd` binary needs no side files.
///
/// The folder is listed on every build, so a new migration file is picked up without editing
/// the package manifest.
@main
struct EmbedMigrations: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        // Each engine has its own dialect: PostgreSQL's migrations are in migrations/postgres.
        let folder =
            target.name.hasSuffix("Postgres")
            ? context.package.directoryURL.appending(path: "migrations/postgres")
            : context.package.directoryURL.appending(path: "migrations")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path())
            .filter { $0.hasSuffix(".sql") }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedMigrations.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) migration(s) into \(target.name)",
                executable: try context.tool(named: "MigrationEmbedder").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: [folder] + inputs,
                outputFiles: [output]
            )
        ]
    }
}
