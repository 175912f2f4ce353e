import FeedbackLoopImport
import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A CSV file uploaded for import: the multipart body is parsed as it arrives, the file part kept
/// (up to the limit) and the form's token read from its own part. Nothing touches the disk.
enum Upload {
    enum Problem: Error {
        case tooLarge
        case notCSV(String)
        case noFile
        case unreadable
        /// A spreadsheet or other file that is not text, whatever its name says.
        case notText(String)
        /// A file with more columns than ``maxColumns``.
        case tooManyColumns(Int)
        /// A first line (the column names) longer than ``maxHeaderBytes``.
        case headerTooLong
    }

    /// The most columns an uploaded file may have.
    static let maxColumns = 500
    /// The longest first line an uploaded file may have, in bytes.
    static let maxHeaderBytes = 64 * 1024

    /// Refuses a file whose first line is longer than ``maxHeaderBytes`` or that has more than
    /// ``maxColumns`` columns, before any page is built from it.
    static func checkShape(_ content: Data, encoding: CSVReader.Encoding, delimiter: CSVReader.Delimiter) throws {
        let newline = content.prefix(maxHeaderBytes + 1).firstIndex(of: 0x0A)
        if newline == nil, content.count > maxHeaderBytes { throw Problem.headerTooLong }
        var reader = CSVReader(data: content, delimiter: delimiter.byte, encoding: encoding)
        if let header = try? reader.next(), header.fields.count > maxColumns {
            throw Problem.tooManyColumns(header.fields.count)
        }
    }

    /// What was sent: the file and its name on the user's computer.
    struct Sent {
        var content: Data
        var name: String
    }

    /// Reads the request's `file` and `csrf` parts, and refuses a form token that is not the
    /// session's (403) before anything is kept.
    /// - Parameter accepting: the file name endings taken (a CSV, or a text file, unless told otherwise).
    static func read(_ request: Request, context: StaffContext, limit: Int, accepting: [String] = [".csv", ".txt"])
        async throws -> Sent
    {
        guard let type = request.headers[.contentType], let boundary = boundary(of: type) else { throw Problem.noFile }
        let parser = MultipartParser(boundary: boundary)
        let state = PartState()
        parser.onHeader = { name, value in
            if name.lowercased() == "content-disposition" {
                state.part = value.contains("name=\"file\"") ? "file" : value.contains("name=\"csrf\"") ? "csrf" : ""
                guard state.part == "file" else { return }
                // A file part always counts as the file; without a name it cannot be shown to be a CSV.
                let name = filename(in: value) ?? ""
                state.filename = name
                // Refused before a byte of it is kept.
                if !accepting.contains(where: { name.lowercased().hasSuffix($0) }) {
                    state.failure = .notCSV(name.isEmpty ? "A file with no name" : name)
                }
            }
        }
        parser.onBody = { buffer in
            guard state.failure == nil else { return }
            switch state.part {
            case "file":
                guard state.content.count + buffer.readableBytes <= limit else {
                    state.failure = .tooLarge
                    return
                }
                state.content.append(contentsOf: buffer.readableBytesView)
            case "csrf":
                if state.csrf.count + buffer.readableBytes <= 256 {
                    state.csrf.append(contentsOf: buffer.readableBytesView)
                }
            default: break
            }
        }
        parser.onPartComplete = {
            if state.part == "file" { state.sawFile = true }
            state.part = ""
        }
        do {
            for try await chunk in request.body {
                try parser.execute(chunk)
                if let failure = state.failure { throw failure }
            }
        } catch {
            throw error is Problem ? error : Problem.unreadable
        }
        let name = state.filename.isEmpty ? "upload.csv" : state.filename
        guard state.sawFile, !state.content.isEmpty else { throw Problem.noFile }
        if state.content.starts(with: [0x50, 0x4B, 0x03, 0x04]) || state.content.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
        {
            throw Problem.notText(name)
        }
        try Access.token(state.csrf.isEmpty ? nil : String(decoding: state.csrf, as: UTF8.self), context)
        return Sent(content: state.content, name: name)
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
        var part = ""
        var sawFile = false
        var filename = ""
        var content = Data()
        var csrf = Data()
        var failure: Problem?
    }
}
