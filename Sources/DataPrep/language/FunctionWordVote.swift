/// Closed-class words that tell two close languages apart: articles, contractions, conjunctions
/// and a few adverbs that one language writes and its close relative does not (Spanish `la`,
/// `los`, `y`, `del`, `una` against Galician `os`, `do`, `e`, `unha`, `non`). CLD2 decides a
/// close set by a few quadgrams and distinctive words its small table lists, and one such word (the
/// Spanish `desde`) can tip a paragraph; a paragraph's function words, dozens of them in a
/// paragraph and never borrowed from another language, say which member it is written in.
///
/// The words are facts of the languages, not of any corpus: each list holds only words of one
/// member that are not words of the other, nor common words of English, which documentation in
/// every language quotes (left out: Spanish `el`, also Galician for "he"; Galician `o`, `e`, `dos`,
/// `da`, `as`, `os`, which are also Spanish "or", "and", "two", "gives", or English).
/// Only pairs listed here are voted on; other close sets are left to CLD2's scores
/// (`CloseLanguages`).
enum FunctionWordVote {
  /// The two members' distinctive words, per pair of ISO codes.
  struct Pair {
    let first: String
    let second: String
    let firstWords: Set<String>
    let secondWords: Set<String>
  }

  /// The pairs with word lists: Galician against each of its common relatives.
  static let pairs: [Pair] = [
    Pair(
      first: "es", second: "gl",
      firstWords: ["la", "las", "los", "y", "del", "al", "una", "unas", "su", "sus", "lo", "muy", "también", "más", "ya", "cuando", "hay"],
      secondWords: [
        "do", "na", "nas", "unha", "unhas", "non", "ao", "aos", "é", "máis", "tamén", "xa", "cando", "moi", "súa", "seu",
        "coa", "polo", "pola", "dun", "dunha", "nun", "nunha", "cun", "cunha",
      ]
    ),
    Pair(
      first: "pt", second: "gl",
      firstWords: ["não", "um", "uma", "umas", "em", "com", "pelo", "pela", "pelos", "pelas", "você", "muito", "quando", "também", "mais", "num", "numa", "dum", "duma"],
      secondWords: ["non", "unha", "unhas", "en", "con", "polo", "pola", "polos", "polas", "xa", "moi", "cando", "tamén", "máis", "coa", "coas", "cun", "cunha", "dun", "dunha", "nun", "nunha"]
    ),
  ]

  /// The fewest distinctive words the winner needs.
  static let minimumWords = 2

  /// How many times the loser's count the winner needs.
  static let minimumRatio = 2

  /// Whether `a` and `b` have word lists to vote with.
  static func canVote(_ a: String, _ b: String) -> Bool { pair(a, b) != nil }

  /// Which of `a` and `b` the function words of `prose` (a `ProseSample`'s bytes) say, or nil when
  /// the pair has no lists or neither has at least `minimumWords` words and twice the other's count.
  static func winner(_ a: String, _ b: String, prose: ArraySlice<UInt8>) -> String? {
    guard let pair = pair(a, b) else { return nil }
    var firstCount = 0
    var secondCount = 0
    forEachWord(prose) { word in
      if pair.firstWords.contains(word) { firstCount += 1 }
      if pair.secondWords.contains(word) { secondCount += 1 }
    }
    if firstCount >= minimumWords && firstCount >= minimumRatio * secondCount { return pair.first }
    if secondCount >= minimumWords && secondCount >= minimumRatio * firstCount { return pair.second }
    return nil
  }

  static func pair(_ a: String, _ b: String) -> Pair? {
    pairs.first { ($0.first == a && $0.second == b) || ($0.first == b && $0.second == a) }
  }

  /// The longest listed word in UTF-8 bytes (`também`, `también`): longer words are skipped unread.
  static let longestWordBytes = 8

  /// Calls `body` with each short word of `bytes` (valid UTF-8), lowercased: runs of letters
  /// (Unicode Alphabetic) between other characters, so `«la` and `la,` are both `la`.
  static func forEachWord(_ bytes: ArraySlice<UInt8>, _ body: (String) -> Void) {
    var start = bytes.startIndex
    var index = bytes.startIndex
    var ascii = true
    func flush(_ end: Int) {
      let length = end - start
      guard length > 0, length <= longestWordBytes else { return }
      let word = String(decoding: bytes[start..<end], as: UTF8.self)
      body(ascii ? word : word.lowercased())
    }
    while index < bytes.endIndex {
      let byte = bytes[index]
      var length = 1
      var letter: Bool
      if byte < 0x80 {
        letter = (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
        if byte >= 0x41 && byte <= 0x5A { ascii = false }  // an upper-case letter: lowercase the word
      } else {
        length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
        var value = UInt32(byte) & (0xFF >> UInt32(length + 1))
        var k = 1
        while k < length, index + k < bytes.endIndex {
          value = value << 6 | UInt32(bytes[index + k] & 0x3F)
          k += 1
        }
        letter = length > 1 && (Unicode.Scalar(value)?.properties.isAlphabetic ?? false)
        if letter { ascii = false }
      }
      if !letter {
        flush(index)
        start = index + length
        ascii = true
      }
      index += length
    }
    flush(bytes.endIndex)
  }
}
