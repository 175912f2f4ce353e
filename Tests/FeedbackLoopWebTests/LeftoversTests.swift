import FeedbackLoop
import FeedbackLoopStore
import Foundation
import HTTPTypes
import Testing

@testable import FeedbackLoopWeb

/// Nothing private is left behind, and nothing deceives: the first steps of issue 21.
@Suite struct LeftoversTests {
    @Test(arguments: ["/\t/evil.example", "/\n/evil.example", "/\u{0}x", "//evil.example", "/\\evil.example"])
    func aNextAddressWithAControlCharacterIsNeverFollowed(next: String) {
        #expect(SignInRoutes.safeNext(next) == "/")
        #expect(SignInRoutes.safeNext("/activities/GP") == "/activities/GP")
    }

    @Test func aFilePartWithoutANameIsRefusedBeforeAnythingIsKept() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            let response = try await client.upload(
                Data("Text\r\nHi\r\n".utf8), name: "", csrf: editor.csrf, session: editor)
            #expect(response.status == .unsupportedMediaType)
            #expect(response.body.text.contains("A file with no name is not a CSV file"))
            #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)
        }
    }

    @Test func finishingAnErasureDeletesEveryUploadAndStartingTheServerSweepsOldOnes() async throws {
        let harness = try WebHarness()
        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            _ = try await client.upload(Data("Text\r\nHello\r\n".utf8), csrf: editor.csrf, session: editor)
            _ = try await client.upload(Data("Text\r\nAgain\r\n".utf8), csrf: editor.csrf, session: editor)
        }
        harness.clock.advance(EngagementStore.uploadLifetime + 60)
        try harness.store.sweepPrivateLeftovers()
        #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)

        try await harness.test { client in
            let editor = try await client.signIn(.editor)
            _ = try await client.upload(Data("Text\r\nFresh\r\n".utf8), csrf: editor.csrf, session: editor)
        }
        _ = try? harness.store.eraseParticipant(ref: "P-1", contributions: false)
        _ = try harness.store.finishErasure(ref: "P-1")
        #expect(try harness.strings("SELECT id FROM importUpload").isEmpty)
    }

    @Test func uploadFoldersEarlierVersionsLeftAreRemoved() throws {
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
}
