import FeedbackLoop

/// The formats a "you said, we did" update is published in.
public enum PublishFormat: String, RecordEnumeration {
    case html, md, txt
    case easyRead = "easy-read"
    case largePrint = "large-print"
    case json, csv
    public static let listName = "format"

    /// The template it is rendered with, or nil for the open-data formats, which are not templated.
    public var template: String? {
        switch self {
        case .html: "update.html"
        case .easyRead: "update.easy-read"
        case .largePrint: "update.large-print"
        case .md: "update.md"
        case .txt: "update.txt"
        case .json, .csv: nil
        }
    }

    /// The file name extension of a file in this format.
    public var fileExtension: String {
        switch self {
        case .html: "html"
        case .easyRead: "easy-read.html"
        case .largePrint: "large-print.html"
        case .md: "md"
        case .txt: "txt"
        case .json: "json"
        case .csv: "csv"
        }
    }

    /// Whether it is a web page.
    public var isHTML: Bool { self == .html || self == .easyRead || self == .largePrint }
}
