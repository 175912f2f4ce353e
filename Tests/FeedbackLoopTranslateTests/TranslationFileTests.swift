import FeedbackLoop
import Foundation
import Testing

@testable import FeedbackLoopTranslate

@Suite struct TranslationFileTests {
    static let file = TranslationFile(
        activity: "GP", sourceLanguage: .english, targetLanguage: try! LanguageTag(parsing: "ur"),
        units: [
            .init(key: "title", section: "The activity's title", source: "Getting a GP appointment", limit: 160),
            .init(
                key: "theme:phone:you-said", section: "Theme phone: what people said, \"you said\"",
                source: "Phones are busy at 8am, <always> & \"always\"", target: "صبح 8 بجے فون مصروف رہتے ہیں"),
            .init(key: "questions", section: "Where to ask questions", source: "line one\nline two, with a comma"),
        ])

    @Test(arguments: TranslationFile.Format.allCases)
    func aFileReadsBackAsItWasWritten(format: TranslationFile.Format) throws {
        var read = try TranslationFile.read(Self.file.data(as: format), path: "f")
        read.units = read.units.map {
            var unit = $0
            unit.line = nil
            return unit
        }
        #expect(read == Self.file)
    }

    @Test func anXLIFFUnitIsFoundByItsLine() throws {
        let read = try TranslationFile.read(Self.file.data(as: .xliff), path: "f")
        let text = String(decoding: Self.file.data(as: .xliff), as: UTF8.self).split(separator: "\n")
        for unit in read.units {
            let line = try #require(unit.line)
            #expect(text[line - 1].contains("name=\"\(unit.key)\""))
        }
    }

    @Test func bytesThatAreNotUTF8AreRefusedWhereTheyAre() throws {
        var bytes = [UInt8](Self.file.data(as: .xliff))
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "G")))
        bytes[index] = 0xE6
        #expect(
            throws: TranslationFileError.malformed(
                path: "f", line: 3, column: 41,
                problem: "this is not UTF-8 text (the byte there is 0xE6); save the file as UTF-8")
        ) {
            try TranslationFile.read(Data(bytes), path: "f")
        }
    }

    @Test func aFileCutShortIsSaidToBe() throws {
        let data = Self.file.data(as: .xliff)
        #expect {
            try TranslationFile.read(data.prefix(data.count / 2), path: "f")
        } throws: { error in
            "\(error)".contains("it may have been cut short") || "\(error)".contains("not well-formed")
        }
    }
}
