import Testing

@testable import RegieWeb

@Suite("Secret tokens")
struct SecretTokenTests {
    @Test("A token's hash is its SHA-256 in lower-case hex, as stored for sessions and API tokens since the start")
    func hash() {
        #expect(SecretToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SecretToken.make() != SecretToken.make() && SecretToken.make().count == 43)
    }
}
