import Testing
@testable import ParleyAudit

@Suite struct CheckpointTests {
    @Test func bodyHasOriginSizeAndBase64RootLines() throws {
        let root = MerkleHash(base64: "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=")!
        let checkpoint = try Checkpoint(origin: "example.com/behind-the-sofa", size: 20_852_163, root: root)
        #expect(checkpoint.body == "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n")
        #expect(try Checkpoint(body: checkpoint.body) == checkpoint)
    }

    @Test func signedCheckpointOpensOnlyWithItsKey() throws {
        let signer = try Fixture.signer()
        let checkpoint = try Checkpoint(origin: Fixture.origin, size: 0, root: MerkleHash.emptyRoot)
        let note = try checkpoint.signed(by: signer)
        #expect(note.hasPrefix(checkpoint.body + "\n— \(Fixture.origin) "))
        #expect(try Checkpoint(signedNote: note, verifierKey: signer.verifierKey) == checkpoint)
        #expect(throws: AuditError.self) {
            try Checkpoint(signedNote: note, verifierKey: Fixture.signer(seedByte: 9).verifierKey)
        }
    }

    @Test func extensionLinesAreKeptAndSigned() throws {
        let body = "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\nextra line\n"
        let checkpoint = try Checkpoint(body: body)
        #expect(checkpoint.extensionLines == ["extra line"])
        #expect(checkpoint.body == body)
    }

    @Test func malformedBodiesAreRejected() {
        let root = "CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="
        let bad = [
            "o\n1\n\(root)", "o\n1\n", "o\n01\n\(root)\n", "o\n-1\n\(root)\n", "o\n+1\n\(root)\n",
            "o\n18446744073709551616\n\(root)\n", "o\n1\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2J=\n",
            "o\n1\n\(root.dropLast())\n", "\n1\n\(root)\n", "o o\n1\n\(root)\n", "o\n1\n\(root)\n\n",
            "o\n 1\n\(root)\n", "o\n1\n\(root) \n",
        ]
        for body in bad {
            #expect(throws: AuditError.self) { try Checkpoint(body: body) }
        }
    }

    @Test func zeroSizeAndLargestSizeParse() throws {
        let root = MerkleHash.emptyRoot.base64
        #expect(try Checkpoint(body: "o\n0\n\(root)\n").size == 0)
        #expect(try Checkpoint(body: "o\n18446744073709551615\n\(root)\n").size == UInt64.max)
    }
}
