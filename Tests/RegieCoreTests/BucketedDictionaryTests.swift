import RegieCore
import Testing

@Suite("BucketedDictionary")
struct BucketedDictionaryTests {
    @Test("Keys set, changed and removed read back as a dictionary given the same ones does; copies stay apart")
    func likeADictionary() {
        var bucketed = BucketedDictionary<String, Int>()
        var dictionary: [String: Int] = [:]
        for index in 0..<1_000 {
            bucketed["h\(index)"] = index
            dictionary["h\(index)"] = index
        }
        let before = bucketed
        bucketed["h5"] = -5
        bucketed["h6"] = nil
        bucketed["new"] = 1
        dictionary["h5"] = -5
        dictionary["h6"] = nil
        dictionary["new"] = 1
        for key in dictionary.keys + ["h6", "absent"] { #expect(bucketed[key] == dictionary[key], "\(key)") }
        #expect(before["h5"] == 5 && before["h6"] == 6 && before["new"] == nil, "the copy before is unchanged")
    }
}
