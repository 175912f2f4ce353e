import Foundation
import Testing

/// Every command's help, as an 80-column terminal shows it.
@Suite struct HelpTests {
    /// Every command path: `[]`, `["activity"]`, `["activity", "add"]`, …
    static func commandPaths(_ yswd: Yswd, under path: [String] = []) throws -> [[String]] {
        let help = try yswd.run(path + ["--help"]).stdout
        guard path.count < 3, let start = help.range(of: "SUBCOMMANDS:\n") else { return [path] }
        let section = help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .prefix { !$0.isEmpty }
        let names = section.compactMap { line -> String? in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
        return [path] + (try names.flatMap { try commandPaths(yswd, under: path + [$0]) })
    }

    @Test func everyExampleFitsAnEightyColumnTerminalWithoutBreakingMidCommand() async throws {
        var yswd = try Yswd()
        defer { yswd.remove() }
        yswd.environment["COLUMNS"] = "80"
        let paths = try Self.commandPaths(yswd)
        #expect(paths.count > 40, "every command and subcommand: \(paths.count)")
        for path in paths {
            let help = try yswd.run(path + ["--help"]).stdout
            var inExamples = false
            for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
                if line.hasSuffix("Example:") || line.hasSuffix("Examples:") {
                    inExamples = true
                } else if line.isEmpty {
                    inExamples = false
                } else if inExamples {
                    #expect(
                        line.hasPrefix("  "), "yswd \(path.joined(separator: " ")) --help breaks an example: \(line)")
                }
            }
            if !help.contains("SUBCOMMANDS:") {
                #expect(help.contains("Example"), "yswd \(path.joined(separator: " ")) --help has an example")
            }
        }
    }

    @Test func theVersionComesFromOnePlaceAndHelpShowsIt() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        let version = try yswd.ok("--version").trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.split(separator: ".").count == 3 && version.allSatisfy { $0.isNumber || $0 == "." })
        #expect(try yswd.ok("--help").contains("This is yswd \(version)."))
    }

    @Test func globalOptionsComeBeforeAnyCommandEvenOnesThatIgnoreThem() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        #expect(try yswd.ok("--database", "x.sqlite", "templates", "--out", "t").hasPrefix("Wrote "))
        #expect(try yswd.ok("--database", "x.sqlite", "--actor", "sam", "init").contains("x.sqlite"))
        #expect(try yswd.ok("--database=x.sqlite", "activity", "list").contains("No activities"))
        let missing = try yswd.run(["--database", "nope.sqlite", "loops"])
        #expect(missing.status == 2 && missing.stderr.contains("nope.sqlite"))
    }

    @Test func datesAreTakenAsYYYYMMDDOrDDMMYYYY() async throws {
        let yswd = try BadInputTests.prepared()
        defer { yswd.remove() }
        try yswd.ok("decision", "update", "GP", "callback", "--due", "30/04/2027")
        try yswd.ok("activity", "update", "MH", "--opens", "1/3/2026")
        let shown = try yswd.ok("decision", "list", "GP", "--format", "csv")
        #expect(shown.contains("2027-04-30"), "\(shown)")
        #expect(try yswd.ok("activity", "list", "--format", "csv").contains("2026-03-01"))
    }

    /// Bash's script holds only option names and the values offered, so each value found is offered.
    @Test func completionsOfferTheValuesOfEveryEnumeratedOption() async throws {
        let yswd = try Yswd()
        defer { yswd.remove() }
        let script = try yswd.ok("--generate-completion-script", "bash")
        // One value from each list: levels, methods, channels, preferred formats, statuses, reasons,
        // publish formats, loop states, encodings.
        for value in [
            "'co-produce'", "'public-meeting'", "'social'", "'easy-read'", "'in-progress'", "'clinical-safety'",
            "'csv'", "'awaiting-response'", "'windows-1252'",
        ] {
            #expect(script.contains(value), "bash completion offers \(value)")
        }
    }
}
