// The version `hanji --version` prints: one constant, changed with each release.

/// Hanji's version.
enum Version {
    static let number = "0.15.0"
}
