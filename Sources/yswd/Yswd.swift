import ArgumentParser
import FeedbackLoop
import FeedbackLoopImport
import FeedbackLoopPublish
import FeedbackLoopStore
import Foundation

@main
struct Yswd: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yswd",
        abstract:
            "You said, we did: make sure people who take part in engagement hear back what happened to their views.",
        discussion: HelpText.reflowed(
            """
            Records engagement activities, what people said, what was decided and why, with every change kept.

            This is yswd \(YswdVersion.current).
            Start with `yswd demo` to see a sample record, or `yswd init` to create ./yswd.sqlite.
            Every command takes --database PATH (or YSWD_DATABASE) and --actor NAME (or YSWD_ACTOR).

            Exit status: 0 success; 1 only when `loops --fail-on` found what it was asked to fail on; 2 a value
            or record problem (nothing was written); 3 done in part (`participant erase` must be finished with
            --finish); 64 a command-line mistake (an unknown option, a missing value, or a value not in an
            option's list).
            """),
        version: YswdVersion.current,
        subcommands: [
            Init.self, ActivityCommand.self, ParticipantCommand.self, ContributionCommand.self, ThemeCommand.self,
            DecisionCommand.self, Explain.self, QuoteCommand.self, Evaluate.self, OrganisationCommand.self,
            History.self, Loops.self, Check.self,
            ConfigCommand.self,
            ImportCommand.self, ExportCommand.self, Publish.self, Updates.self, FollowUps.self, NotifyCommand.self,
            TranslateCommand.self,
            Site.self, Report.self,
            Templates.self,
            UserCommand.self, Serve.self,
            Generate.self, Backup.self, Copy.self, Demo.self,
        ]
    )

    /// Runs the command; a record or store problem prints one line and exits with status 2.
    static func main() async {
        do {
            var command = try parseWithGlobalOptions(Array(CommandLine.arguments.dropFirst()))
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as any UserFacingError {
            fail(error.message(naming: \.flag))
        } catch  where exitCode(for: error) == .validationFailure {
            usageMistake(error)
        } catch {
            exit(withError: error)
        }
    }

    /// A command-line mistake (an unknown option, a missing value, a value not in an option's
    /// list): the parser's message and where to find help, without the usage line, then status 64.
    private static func usageMistake(_ error: any Error) -> Never {
        let pointer = fullMessage(for: error).split(separator: "\n").last { $0.contains("--help") }
        let lines =
            ["Error: \(SafeText.shown(oneLine(message(for: error))))"]
            + (pointer.map { [SafeText.shown($0.trimmed)] } ?? [])
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
        Foundation.exit(ExitCode.validationFailure.rawValue)
    }

    /// The parser lists a long set of allowed values one per line ("one of the following:\n  - a");
    /// this puts them on the error's one line ("one of: a, b").
    static func oneLine(_ message: String) -> String {
        let parts = message.components(separatedBy: "\n  - ")
        guard parts.count > 1, let first = parts.first else { return message }
        let lead = first.replacingOccurrences(of: " the following:", with: ":")
        return lead + " " + parts.dropFirst().map(\.trimmed).joined(separator: ", ") + "."
    }

    /// Parses the command line with `--database` and `--actor` allowed before the command, even
    /// for commands that do not use them (`yswd --database x.sqlite templates --out t`), as
    /// global options are in most tools.
    static func parseWithGlobalOptions(_ arguments: [String]) throws -> any ParsableCommand {
        do {
            return try parseAsRoot(hoistingGlobalOptions(arguments))
        } catch {
            // A command that does not use the record ignores the global options.
            let withoutGlobal = leadingGlobalOptionsRemoved(arguments)
            guard withoutGlobal.count < arguments.count, let command = try? parseAsRoot(withoutGlobal),
                !Mirror(reflecting: command).children.contains(where: { $0.value is OptionGroup<StoreOptions> })
            else { throw error }
            return command
        }
    }

    /// The arguments without the global options given before the command.
    static func leadingGlobalOptionsRemoved(_ arguments: [String]) -> [String] {
        splitLeadingGlobalOptions(arguments).rest
    }

    /// Lets `--database` and `--actor` come before the command (`yswd --database x.sqlite loops`), as
    /// global options do in most tools, by moving them after it, where every command reads them.
    static func hoistingGlobalOptions(_ arguments: [String]) -> [String] {
        let (leading, rest) = splitLeadingGlobalOptions(arguments)
        return rest + leading
    }

    /// The `--database` and `--actor` options (with their values) given before the command, and the rest.
    private static func splitLeadingGlobalOptions(_ arguments: [String]) -> (leading: [String], rest: [String]) {
        var leading: [String] = []
        var rest = arguments[...]
        while let first = rest.first, first.hasPrefix("--database") || first.hasPrefix("--actor") {
            leading.append(rest.removeFirst())
            if !first.contains("="), let value = rest.first {
                leading.append(value)
                rest.removeFirst()
            }
        }
        return (leading, Array(rest))
    }

    private static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("error: \(SafeText.shown(message))\n".utf8))
        Foundation.exit(2)
    }
}

/// A mistake in what was typed that only the command can see.
struct CommandError: UserFacingError {
    var description: String
    init(_ description: String) { self.description = description }
}
