import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A CSV file uploaded for import: the multipart body is parsed as it arrives and the file part is
/// written straight to disk, never held whole in memory.
enum Upload {
    enum Problem: Error {
        case tooLarge
        case notCSV(String)
        case noFile
        case unreadable
    }

    /// Streams the request's `file` part into a new file in `folder`.
    /// - Returns: the saved file's address and the name it had on the user's computer.
    static func save(_ request: Request, into folder: URL, limit: Int) async throws -> (file: URL, name: String) {
        guard let type = request.headers[.contentType], let boundary = boundary(of: type) else { throw Problem.noFile }
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let file = folder.appending(path: UUID().uuidString + ".csv")
        guard FileManager.default.createFile(atPath: file.path, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = try? FileHandle(forWritingTo: file)
        else { throw Problem.unreadable }
        defer { try? handle.close() }
        let parser = MultipartParser(boundary: boundary)
        let state = PartState()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" {
                state.isFile = value.contains("name=\"file\"")
                guard state.isFile, let name = filename(in: value) else { return }
                state.filename = name
                // Refused before a byte of it is written.
                if !isCSV(name) { state.failure = .notCSV(name) }
            }
        }
        parser.onBody = { buffer in
            guard state.isFile, state.failure == nil else { return }
            state.written += buffer.readableBytes
            if state.written > limit {
                state.failure = .tooLarge
                return
            }
            guard let bytes = buffer.readBytes(length: buffer.readableBytes) else { return }
            do { try handle.write(contentsOf: bytes) } catch { state.failure = .unreadable }
        }
        parser.onPartComplete = {
            if state.isFile { state.sawFile = true }
            state.isFile = false
        }
        do {
            for try await chunk in request.body {
                try parser.execute(chunk)
                if let failure = state.failure { throw failure }
            }
        } catch {
            try? FileManager.default.removeItem(at: file)
            throw error is Problem ? error : Problem.unreadable
        }
        let name = state.filename ?? "upload.csv"
        guard state.sawFile, state.written > 0 else {
            try? FileManager.default.removeItem(at: file)
            throw Problem.noFile
        }
        return (file, name)
    }

    private static func isCSV(_ name: String) -> Bool {
        name.lowercased().hasSuffix(".csv") || name.lowercased().hasSuffix(".txt")
    }

    private static func boundary(of contentType: String) -> String? {
        guard contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for part in contentType.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces)
            if pair.lowercased().hasPrefix("boundary=") {
                return String(pair.dropFirst("boundary=".count)).trimmingCharacters(
                    in: CharacterSet(charactersIn: "\""))
            }
        }
        return nil
    }

    private static func filename(in disposition: String) -> String? {
        guard let range = disposition.range(of: "filename=\"") else { return nil }
        let rest = disposition[range.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    /// What the parser has seen of the part it is in.
    private final class PartState: @unchecked Sendable {
        var isFile = false
        var sawFile = false
        var filename: String?
        var written = 0
        var failure: Problem?
    }
}
