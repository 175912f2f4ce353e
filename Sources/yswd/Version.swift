/// yswd's version: the one place it is set. `yswd --version` prints it, and `yswd --help` shows it.
enum YswdVersion {
    static let current = "0.6.0"
}
