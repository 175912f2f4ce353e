import FeedbackLoop
import Foundation

/// Reads an import's rows on a thread of its own while the caller stages them, so reading the file
/// (in Swift) and staging its rows (in SQLite) each keep a core busy. A few batches wait at most, so
/// memory stays flat at any size.
final class ImportPipeline<Stream: ImportedRowStream>: @unchecked Sendable {
    enum Item {
        case row(ImportedRow)
        case invalid(InvalidRows)
    }

    /// Rows in file order, how far through the file the reader was, and whether it is the last
    /// (with the error that stopped the reading, if one did).
    struct Batch {
        var items: [Item]
        var progress: Double
        var last = false
        var failure: (any Error)?
    }

    private let stream: HandedOver<Stream>
    private let condition = NSCondition()
    // Guarded by `condition`.
    private var waiting: [Batch] = []
    private var stopped = false
    private var done = false
    private static var batchSize: Int { 512 }
    private static var batchesWaiting: Int { 4 }

    init(_ stream: HandedOver<Stream>) {
        self.stream = stream
        Thread { self.read() }.start()
    }

    /// The next batch, waiting for the reader; nil once the last has been taken.
    func next() -> Batch? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty && !done { condition.wait() }
        guard !waiting.isEmpty else { return nil }
        let batch = waiting.removeFirst()
        condition.broadcast()
        return batch
    }

    /// Stops the reader, if it is still reading, and waits for it: the stream is the caller's again.
    func finish() {
        condition.lock()
        stopped = true
        condition.broadcast()
        while !done { condition.wait() }
        condition.unlock()
    }

    private func read() {
        var items: [Item] = []
        items.reserveCapacity(Self.batchSize)
        reading: while true {
            var batch: Batch?
            do {
                if let row = try stream.value.next() {
                    items.append(.row(row))
                    if items.count == Self.batchSize { batch = Batch(items: items, progress: stream.value.progress) }
                } else {
                    batch = Batch(items: items, progress: stream.value.progress, last: true)
                }
            } catch let bad as InvalidRows {
                items.append(.invalid(bad))
            } catch {
                batch = Batch(items: items, progress: stream.value.progress, last: true, failure: error)
            }
            guard let batch else { continue }
            items = []
            items.reserveCapacity(Self.batchSize)
            condition.lock()
            while waiting.count >= Self.batchesWaiting && !stopped { condition.wait() }
            if !stopped { waiting.append(batch) }
            let ending = stopped || batch.last
            condition.broadcast()
            condition.unlock()
            if ending { break reading }
        }
        condition.lock()
        done = true
        condition.broadcast()
        condition.unlock()
    }
}
