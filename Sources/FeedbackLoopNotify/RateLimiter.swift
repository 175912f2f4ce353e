/// A token bucket that keeps requests under Notify's rate limit (3,000 a minute by default): `perMinute`
/// requests a minute, a burst of at most `burst`, so no 60-second window ever sees more than the limit.
public actor RateLimiter {
    private let interval: Duration
    private let burst: Int
    private var tokens: Double
    private var last: ContinuousClock.Instant
    private let clock = ContinuousClock()

    /// Keeps under `limit` requests a minute: 2% below it, in bursts of at most `burst`.
    public init(limit perMinute: Int, burst: Int = 10) {
        let rate = max(1, Double(perMinute) * 0.98) / 60
        interval = .nanoseconds(Int64(1e9 / rate))
        self.burst = max(1, burst)
        tokens = Double(max(1, burst))
        last = clock.now
    }

    /// Waits until a request may go.
    public func take() async {
        while true {
            refill()
            if tokens >= 1 {
                tokens -= 1
                return
            }
            try? await Task.sleep(for: interval * (1 - tokens))
        }
    }

    private func refill() {
        let now = clock.now
        let elapsed = now - last
        last = now
        tokens = min(Double(burst), tokens + elapsed / interval)
    }
}
