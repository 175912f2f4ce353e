import FeedbackLoop
import Foundation

/// The team's settings.
public protocol SettingStore: Sendable {
    /// The team's settings: stored values over the defaults.
    func settings() async throws -> TeamSettings

    /// Changes a setting, checking the value first; the change is recorded in history.
    /// - Returns: the settings after the change.
    @discardableResult
    func setSetting(_ key: TeamSettings.Key, to value: String) async throws -> TeamSettings

    /// Returns a setting to its default (a text setting to not set); history records the change.
    @discardableResult
    func unsetSetting(_ key: TeamSettings.Key) async throws -> TeamSettings
}
