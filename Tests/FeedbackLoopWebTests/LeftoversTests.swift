import FeedbackLoop
import FeedbackLoopSQLite
import FeedbackLoopStore
import Foundation
import HTTPTypes
import Testing

@testable import FeedbackLoopWeb

/// Nothing private is left behind, and nothing deceives: the first steps of issue 21.
@Suite struct LeftoversTests {
    @Test(arguments: ["/\t/evil.example", "/\n/evil.example", "/\u{0}x", "//evil.example", "/\\evil.example"])
    func aNextAddressWithAControlCharacterIsNeverFollowed(next: String) async throws {
        #expect(SignInRoutes.safeNext(next) == "/")
        #expect(SignInRoutes.safeNext("/activities/GP") == "/activities/GP")
    }

    @Test func aFilePartWithoutANameIsRefusedBeforeAnythingIsKept() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let response = try await client.upload(
                Data("Text\r\nHi\r\n".utf8), name: "", csrf: editor.csrf, session: editor)
            #expect(response.status == .unsupportedMediaType)
            #expect(response.body.text.contains("A file with no name is not a CSV file"))
            await #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)
        }
    }

    @Test func finishingAnErasureDeletesEveryUploadAndStartingTheServerSweepsOldOnes() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            _ = try await client.upload(Data("Text\r\nHello\r\n".utf8), csrf: editor.csrf, session: editor)
            _ = try await client.upload(Data("Text\r\nAgain\r\n".utf8), csrf: editor.csrf, session: editor)
        }
        harness.clock.advance(StorePolicy.uploadLifetime + 60)
        try await harness.store.sweepPrivateLeftovers()
        await #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)

        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            _ = try await client.upload(Data("Text\r\nFresh\r\n".utf8), csrf: editor.csrf, session: editor)
        }
        _ = try? await harness.store.eraseParticipant(ref: "P-1", contributions: false)
        _ = try await harness.store.finishErasure(ref: "P-1")
        await #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)
    }

    @Test func uploadFoldersEarlierVersionsLeftAreRemoved() async throws {
        let folder = FileManager.default.temporaryDirectory.appending(path: "yswd-leftovers-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let old = folder.appending(path: "yswd-uploads-4242")
        try FileManager.default.createDirectory(at: old, withIntermediateDirectories: true)
        try Data("Email\nsomeone@example.org\n".utf8).write(to: old.appending(path: "x.csv"))
        try Data("keep".utf8).write(to: folder.appending(path: "other.txt"))
        WebServer.removeLegacyUploadFolders(in: folder)
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: folder.appending(path: "other.txt").path))
    }

    @Test(arguments: [(600, false), (20, true)])
    func aFileTooWideOrWithAHugeFirstLineIsRefusedBeforeAnyPage(columns: Int, longLine: Bool) async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let header =
                longLine
                ? "Text," + String(repeating: "x", count: 70_000)
                : (0..<columns).map { "Column \($0)" }.joined(separator: ",")
            let response = try await client.upload(
                Data("\(header)\r\nHello\r\n".utf8), csrf: editor.csrf, session: editor)
            #expect(response.status == .badRequest)
            let expected = longLine ? "longer than 64 KB" : "The file has 600 columns"
            #expect(response.body.text.contains(expected))
            await #expect(try harness.strings("SELECT id FROM importUpload").isEmpty, "nothing kept")
        }
    }

    /// Errors too carry the security headers; and HEAD answers as GET does, without a body.
    @Test func errorsCarryTheSecurityHeadersAndHeadAnswersAsGet() async throws {
        let harness = try await WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let big = String(repeating: "x", count: 2 << 20)
            let responses = [
                try await client.post(
                    "/activities/GP/themes", [("csrf", editor.csrf), ("said", big)], cookie: editor.cookie),
                try await client.get("/no/such/page", cookie: editor.cookie),
                try await client.upload(Data(), csrf: editor.csrf, session: editor),
            ]
            #expect(responses.map(\.status) == [.contentTooLarge, .notFound, .badRequest])
            for response in responses {
                #expect(response.headers[.contentSecurityPolicy] != nil, "\(response.status)")
                #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(response.status)")
            }
            let get = try await client.client.execute(uri: "/sign-in", method: .get)
            let head = try await client.client.execute(uri: "/sign-in", method: .head)
            #expect(head.status == .ok && get.status == .ok, "\(head.status) \(get.status)")
            #expect(head.body.readableBytes == 0)
            #expect(head.headers[.contentSecurityPolicy] != nil)
        }
    }

    @Test func anIncompleteErasureSaysTheMainFileMayStillHoldTheDetails() {
        let message = ErasureIncomplete(ref: "P-1", report: nil).description
        #expect(message.contains("in the database file itself, and in its -wal file"))
    }
}
