import FeedbackLoop
import FeedbackLoopStore
import Foundation
import NIOCore

/// An import's file read on a dispatch thread (never one of Swift's few concurrency threads), its
/// contributions turned into `COPY` text a megabyte at a time while the connection sends the one
/// before: reading and sending overlap, and memory stays flat at any file size. The people the file
/// names are merged as they come (the last consent and details given for each).
final class ImportFeed<Stream: ImportedRowStream>: @unchecked Sendable {
    /// What the reading found besides the contributions; complete once ``chunks`` has ended.
    struct Outcome: Sendable {
        var rows = 0
        var blankCells = 0
        var people: [String: StagedPerson] = [:]
        var invalid = InvalidRows(problems: [], rows: 0)
    }

    let chunks: AsyncThrowingStream<ByteBuffer, any Error>
    private let continuation: AsyncThrowingStream<ByteBuffer, any Error>.Continuation
    /// Chunks read ahead of the connection: the reader waits when this many are unsent.
    private let room = DispatchSemaphore(value: 4)
    private let lock = NSLock()
    /// Left when the reader ends.
    private let ended = DispatchGroup()
    private var stopped = false
    private var found = Outcome()
    private var stream: Stream

    static var chunkSize: Int { 1 << 20 }

    init(_ stream: Stream) {
        self.stream = stream
        (chunks, continuation) = AsyncThrowingStream.makeStream(of: ByteBuffer.self)
    }

    /// What was found, once every chunk has been taken.
    var outcome: Outcome { lock.withLock { found } }
    /// The stream as the reader left it: ask only after ``finished()``.
    var rest: Stream { stream }

    /// Starts reading.
    func start(progress: @escaping @Sendable (_ fraction: Double, _ rows: Int) -> Void) {
        ended.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            defer { self.ended.leave() }
            self.read(progress: progress)
        }
    }

    /// Waits for the reader to end (after ``stop()``, or the last chunk).
    func finished() async {
        await withCheckedContinuation { done in ended.notify(queue: .global()) { done.resume() } }
    }

    /// Tells the reader the last chunk it sent is on its way.
    func taken() { room.signal() }

    /// Stops the reader (the copy failed or finished early).
    func stop() {
        lock.withLock { stopped = true }
        room.signal()
    }

    private func read(progress: @Sendable (_ fraction: Double, _ rows: Int) -> Void) {
        var outcome = Outcome()
        var buffer = ByteBuffer()
        buffer.reserveCapacity(Self.chunkSize + (64 << 10))
        var position: Int64 = 0
        do {
            while true {
                let row: ImportedRow?
                do { row = try stream.next() } catch let bad as InvalidRows {
                    outcome.invalid.rows += bad.rows
                    if outcome.invalid.problems.count < 1000 { outcome.invalid.problems += bad.problems }
                    continue
                }
                guard let row else { break }
                outcome.rows += 1
                outcome.blankCells += row.blankCells
                let key = row.participant.map {
                    $0.ref ?? PostgresImportWriter.contactKey(email: $0.email, phone: $0.phone)
                }
                if let key, let person = row.participant {
                    var merged = outcome.people[key] ?? StagedPerson(line: row.line)
                    merged.wantsFeedback = person.wantsFeedback ?? merged.wantsFeedback
                    merged.mayQuote = person.mayQuote ?? merged.mayQuote
                    merged.email = person.email ?? merged.email
                    merged.phone = person.phone ?? merged.phone
                    outcome.people[key] = merged
                }
                var keys: [String] = []
                for theme in row.themes where !keys.contains(theme) { keys.append(theme) }
                let themeKeys = keys.isEmpty ? nil : PostgresImportWriter.arrayLiteral(keys)
                for contribution in row.contributions {
                    buffer.writeCopyRow([
                        String(position), String(row.line), key, contribution.text, contribution.method?.rawValue,
                        contribution.received?.description, contribution.sourceId, contribution.column, themeKeys,
                        contribution.language,
                    ])
                    position += 1
                }
                if buffer.readableBytes >= Self.chunkSize {
                    guard send(buffer) else { return }
                    buffer = ByteBuffer()
                    buffer.reserveCapacity(Self.chunkSize + (64 << 10))
                }
                if outcome.rows % 1000 == 0 { progress(stream.progress, outcome.rows) }
            }
            if buffer.readableBytes > 0 { guard send(buffer) else { return } }
            lock.withLock { found = outcome }
            continuation.finish()
        } catch {
            continuation.finish(throwing: error)
        }
    }

    /// Hands a chunk over once fewer than four wait; false when the copy has stopped.
    private func send(_ buffer: ByteBuffer) -> Bool {
        room.wait()
        if lock.withLock({ stopped }) {
            continuation.finish()
            return false
        }
        continuation.yield(buffer)
        return true
    }
}

/// A person an import names, with the last consent and details the file gives for them.
struct StagedPerson: Sendable {
    var line: Int
    var wantsFeedback: Bool?
    var mayQuote: Bool?
    var email: String?
    var phone: String?
}

extension ByteBuffer {
    /// One row in COPY's text format: fields separated by tabs, `\N` for none, backslash, tab and
    /// line ends escaped.
    mutating func writeCopyRow(_ fields: [String?]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { writeInteger(UInt8(ascii: "\t")) }
            writeCopyField(field)
        }
        writeInteger(UInt8(ascii: "\n"))
    }

    mutating func writeCopyField(_ value: String?) {
        guard var value else {
            writeStaticString("\\N")
            return
        }
        value.withUTF8 { bytes in
            let plain = !bytes.contains { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
            if plain {
                writeBytes(bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "\\"): writeStaticString("\\\\")
                case 0x09: writeStaticString("\\t")
                case 0x0A: writeStaticString("\\n")
                case 0x0D: writeStaticString("\\r")
                default: writeInteger(byte)
                }
            }
        }
    }
}
