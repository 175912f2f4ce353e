import NIOPosix

/// Work that holds a thread for long: building the site (rendering every update). It runs on NIO's
/// thread pool, so Swift's few concurrency threads (two on a two-core server) stay free to answer
/// everyone else meanwhile. (The store's own work runs on its engine's threads.)
enum Blocking {
    static func run<Value: Sendable>(_ body: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await NIOThreadPool.singleton.runIfActive(body)
    }
}
