import NIOPosix

/// Work that holds a thread for long: an import of a large file, reading every loop, building the
/// site. It runs on NIO's thread pool, so Swift's few concurrency threads (two on a two-core
/// server) stay free to answer everyone else meanwhile.
enum Blocking {
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
