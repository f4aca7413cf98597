/// Cuts a text into chunks of at most a given number of tokens, at word boundaries, with a
/// given overlap between neighbours. A single word longer than the budget is a chunk alone.
struct TextChunker: Sendable {
  /// The most tokens a chunk holds.
  var chunkTokens: Int
  /// How many tokens at the end of one chunk start the next (less than `chunkTokens`).
  var overlapTokens: Int
  /// What counts tokens; called once per word with the whitespace before it (BPE tokenizers
  /// with whitespace pre-splitting are nearly additive over words), then once per chunk to make
  /// sure the chunk as a whole fits.
  var counter: TokenCounter

  /// A chunker with the given budget, overlap and counter.
  init(chunkTokens: Int, overlapTokens: Int, counter: TokenCounter = .wordEstimate) {
    self.chunkTokens = max(1, chunkTokens)
    self.overlapTokens = max(0, min(overlapTokens, chunkTokens - 1))
    self.counter = counter
  }

  /// The chunks of `text`, in order, each a slice of it from its first word to its last.
  func chunks(of text: String) -> [Substring] {
    // Scan scalars, not Characters: whitespace never joins a grapheme cluster with a letter
    // here, and scalar stepping avoids grapheme breaking on long texts.
    var words: [(range: Range<String.Index>, tokens: Int)] = []
    let scalars = text.unicodeScalars
    var index = scalars.startIndex
    var wordStart: String.Index?
    var spaceStart = scalars.startIndex
    while index < scalars.endIndex {
      let isSpace = TextTrimming.isWhitespace(scalars[index])
      if isSpace, let start = wordStart {
        words.append((start..<index, counter.count(String(text.unicodeScalars[spaceStart..<index]))))
        wordStart = nil
        spaceStart = index
      } else if !isSpace, wordStart == nil {
        wordStart = index
      }
      index = scalars.index(after: index)
    }
    if let start = wordStart {
      words.append((start..<text.endIndex, counter.count(String(text.unicodeScalars[spaceStart...]))))
    }

    var chunks: [Substring] = []
    var first = 0
    while first < words.count {
      var end = first
      var total = 0
      while end < words.count, end == first || total + words[end].tokens <= chunkTokens {
        total += words[end].tokens
        end += 1
      }
      // Per-word counts are nearly additive for BPE, not exactly: check the chunk as a whole
      // and give back words until it fits (a single word stays a chunk of its own).
      while end - first > 1,
        counter.count(String(text[words[first].range.lowerBound..<words[end - 1].range.upperBound])) > chunkTokens
      {
        end -= 1
      }
      chunks.append(text[words[first].range.lowerBound..<words[end - 1].range.upperBound])
      if end == words.count { break }
      var next = end
      var overlap = 0
      while next - 1 > first, overlap + words[next - 1].tokens <= overlapTokens {
        next -= 1
        overlap += words[next].tokens
      }
      first = next
    }
    return chunks
  }
}
