import Foundation

/// GOV.UK Notify's rules for the numbers it sends text messages to (its `recipients.py`): a UK mobile
/// number (07…, +44 7…), or an international number written with its `+` and country code. Landlines
/// stay valid for phone calls; they are refused only for people who prefer text messages.
public enum NotifyPhone {
    /// The number as Notify wants it: `07700 900123` → `+447700900123`, international numbers as given
    /// but without spaces. Nil when Notify would refuse it.
    public static func normalised(_ text: String) -> String? {
        var digits = ""
        var international = false
        for (index, scalar) in text.trimmingCharacters(in: .whitespaces).unicodeScalars.enumerated() {
            switch scalar {
            case "0"..."9": digits.unicodeScalars.append(scalar)
            case "+" where index == 0: international = true
            case " ", "-", ".", "(", ")": break
            default: return nil
            }
        }
        if !international, digits.hasPrefix("00") {
            international = true
            digits.removeFirst(2)
        }
        if international, !digits.hasPrefix("44") {
            return (8...15).contains(digits.count) && !digits.hasPrefix("0") ? "+" + digits : nil
        }
        // A UK number: drop +44 (and a stray 0 after it) or the leading 0; a mobile starts 7, 10 digits.
        var national = Substring(digits)
        if international || (national.hasPrefix("44") && national.count >= 12) { national = national.dropFirst(2) }
        if national.hasPrefix("0") { national = national.dropFirst() }
        guard national.count == 10, national.hasPrefix("7") else { return nil }
        return "+44" + national
    }

    /// Why Notify would refuse the number, in words, or nil.
    public static func problem(_ text: String) -> String? {
        normalised(text) == nil
            ? "it is not a UK mobile number (07…) or an international number starting with + and the country code"
            : nil
    }
}
