import ArgumentParser
import FeedbackLoopPublish
import Foundation

/// Checks on where a command writes, made before anything is read or written.
enum OutputPaths {
    /// A file to write: its folder must exist and it must not be a folder itself.
    static func checkFile(_ path: String, option: String = "--out") throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw CommandError("\(option) \(path) is a folder; give a file name, such as \(path)/update.html")
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandError(
                "\(option) \(path) cannot be written: its folder \(parent) does not exist; create it first")
        }
    }

    /// A folder the command creates (or fills, if it exists): it must not be a file, and its parent must exist.
    static func checkFolder(_ path: String, option: String = "--out") throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw CommandError("\(option) \(path) is a file, not a folder; give a folder to write into")
            }
            return
        }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isFolder), isFolder.boolValue else {
            throw CommandError(
                "\(option) \(path) cannot be created: its folder \(parent) does not exist; create it first")
        }
    }

    /// Creates the folder (checked with ``checkFolder(_:option:)``); a private one is owner-only (0700).
    static func makeFolder(_ path: String, privateOnly: Bool) throws {
        let attributes: [FileAttributeKey: Any]? = privateOnly ? [.posixPermissions: 0o700] : nil
        do {
            try FileManager.default.createDirectory(
                atPath: path, withIntermediateDirectories: true, attributes: attributes)
            if privateOnly { try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: path) }
        } catch {
            throw CommandError("could not create the folder \(path): check that it can be written to")
        }
    }

    /// Writes bytes to a file, replacing it whole; a private file is owner-only (0600).
    static func write(_ data: Data, to path: String, privateOnly: Bool = false) throws {
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            if privateOnly { try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path) }
        } catch {
            throw CommandError("could not write \(path): check that its folder exists and can be written to")
        }
    }
}

/// The `--template DIR` option of the commands that render participant-facing pages.
struct TemplateOptions: ParsableArguments {
    @Option(
        name: .customLong("template"),
        help: ArgumentHelp(
            "A folder of your own Mustache templates, for your branding (see `yswd templates`).",
            valueName: "DIR"))
    var folder: String?

    /// The templates: the folder's, which must hold every one of `required`, or the built-in ones.
    func load(required: [String]) throws -> TemplateSet {
        guard let folder else { return .builtIn }
        return try TemplateSet.folder(folder, required: required)
    }
}
