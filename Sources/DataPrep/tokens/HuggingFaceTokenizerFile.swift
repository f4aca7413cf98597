/// Reads a Hugging Face `tokenizer.json` of a byte-level BPE model (GPT-2, Llama 3, Qwen ...).
///
/// Uses `model.vocab`, `model.merges`, `model.ignore_merges`, `added_tokens` (as the special
/// tokens) and the pre-tokenizer: `ByteLevel` (its `use_regex` GPT-2 split and
/// `add_prefix_space`), `Split` with a `Regex` or `String` pattern and behaviour `Isolated`, or
/// a `Sequence` of them. Known split regexes (GPT-2, Llama 3, cl100k, o200k) run on the
/// hand-written scanners; any other goes through `NSRegularExpression`.
enum HuggingFaceTokenizerFile {
  static func load(path: String) throws(TokenizerError) -> Tokenizer {
    let data: [UInt8]
    do throws(InputError) {
      data = try ByteSource(path: path).readAll()
    } catch {
      throw .unreadable(path: path, reason: TiktokenRankFile.reason(error))
    }
    let value: JSONValue
    do throws(JSONParseError) {
      value = try data.withUnsafeBufferPointer { (b) throws(JSONParseError) in try JSONParser().parse(b) }
    } catch {
      throw .badTokenizerJSON(path: path, reason: "invalid JSON at column \(error.column): \(error.message)")
    }
    guard case .object(let root) = value else {
      throw .badTokenizerJSON(path: path, reason: "the top level is not a JSON object")
    }
    guard case .object(let model)? = root["model"] else {
      throw .badTokenizerJSON(path: path, reason: "no 'model' object")
    }
    if let type = model["type"]?.stringValue, type != "BPE" {
      throw .unsupported(path: path, feature: "model type '\(type)'")
    }
    if model["byte_fallback"]?.boolValue == true {
      throw .unsupported(path: path, feature: "byte_fallback (a SentencePiece-style BPE)")
    }
    for key in ["continuing_subword_prefix", "end_of_word_suffix"] {
      if let value = model[key]?.stringValue, !value.isEmpty {
        throw .unsupported(path: path, feature: "model.\(key) '\(value)'")
      }
    }
    if let normalizer = root["normalizer"], normalizer != .null {
      throw .unsupported(path: path, feature: "normalizer '\(normalizer["type"]?.stringValue ?? "?")'")
    }
    let (steps, addPrefixSpace, byteLevel) = try preTokenizer(root["pre_tokenizer"] ?? .null, path: path)
    guard byteLevel else {
      throw .unsupported(path: path, feature: "no ByteLevel pre-tokenizer (not a byte-level BPE)")
    }
    guard case .object(let vocab)? = model["vocab"] else {
      throw .badTokenizerJSON(path: path, reason: "no 'model.vocab' object")
    }
    // Vocabulary: byte-level strings back to bytes.
    let unicodeToByte = ByteLevelAlphabet.unicodeToByte
    var table = TokenTable(capacity: vocab.count)
    var ids: [String: UInt32] = [:]
    ids.reserveCapacity(vocab.count)
    var bytes: [UInt8] = []
    for member in vocab.members {
      guard let id = member.value.integerValue, id >= 0, id < Int64(UInt32.max) else {
        throw .badTokenizerJSON(path: path, reason: "vocab entry '\(member.key)' has no integer id")
      }
      bytes.removeAll(keepingCapacity: true)
      var representable = true
      for scalar in member.key.unicodeScalars {
        guard let byte = unicodeToByte[scalar.value] else {
          representable = false
          break
        }
        bytes.append(byte)
      }
      ids[member.key] = UInt32(id)
      // A token that is not in the byte-level alphabet can never come out of the merges.
      if representable && !bytes.isEmpty {
        _ = bytes.withUnsafeBufferPointer { table.insert($0, id: UInt32(id)) }
      }
    }
    for byte in 0...255 where table.byteIDs[byte] == UInt32.max {
      throw .missingByteToken(path: path, byte: UInt8(byte))
    }
    // Merges, in priority order.
    var merges: [UInt64: UInt64] = [:]
    let mergeList = model["merges"]?.arrayValue ?? []
    merges.reserveCapacity(mergeList.count)
    for (rank, entry) in mergeList.enumerated() {
      let pair: (String, String)
      if let text = entry.stringValue {
        let parts = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else {
          throw .badTokenizerJSON(path: path, reason: "merge \(rank + 1) '\(text)' is not two tokens")
        }
        pair = (String(parts[0]), String(parts[1]))
      } else if let array = entry.arrayValue, array.count == 2, let a = array[0].stringValue, let b = array[1].stringValue {
        pair = (a, b)
      } else {
        throw .badTokenizerJSON(path: path, reason: "merge \(rank + 1) is neither 'a b' nor [a, b]")
      }
      guard let left = ids[pair.0], let right = ids[pair.1], let merged = ids[pair.0 + pair.1] else {
        throw .badTokenizerJSON(
          path: path, reason: "merge \(rank + 1) '\(pair.0) \(pair.1)' uses a token missing from the vocab")
      }
      let key = UInt64(left) << 32 | UInt64(right)
      if merges[key] == nil { merges[key] = UInt64(rank) << 32 | UInt64(merged) }
    }
    var specials: [String: Int] = [:]
    for token in root["added_tokens"]?.arrayValue ?? [] {
      if let content = token["content"]?.stringValue, let id = token["id"]?.integerValue {
        specials[content] = Int(id)
      }
    }
    return Tokenizer(
      name: path, table: table, merges: merges, steps: steps,
      wholePieceFirst: model["ignore_merges"]?.boolValue ?? false, addPrefixSpace: addPrefixSpace,
      specialTokens: specials)
  }

  /// The split steps, whether `ByteLevel` adds a prefix space, and whether `ByteLevel` is there.
  private static func preTokenizer(
    _ value: JSONValue, path: String
  ) throws(TokenizerError) -> (steps: [Tokenizer.SplitStep], addPrefixSpace: Bool, byteLevel: Bool) {
    var steps: [Tokenizer.SplitStep] = []
    var addPrefixSpace = false
    var byteLevel = false
    var queue: [JSONValue] = [value]
    while !queue.isEmpty {
      let step = queue.removeFirst()
      if step == .null { continue }
      let type = step["type"]?.stringValue ?? ""
      switch type {
      case "Sequence":
        queue.insert(contentsOf: step["pretokenizers"]?.arrayValue ?? [], at: 0)
      case "ByteLevel":
        byteLevel = true
        addPrefixSpace = step["add_prefix_space"]?.boolValue ?? false
        if step["use_regex"]?.boolValue ?? true { steps.append(.pattern(.gpt2)) }
      case "Split":
        let behavior = step["behavior"]?.stringValue ?? "Isolated"
        guard behavior == "Isolated", step["invert"]?.boolValue != true else {
          throw .unsupported(path: path, feature: "Split behaviour '\(behavior)'\(step["invert"]?.boolValue == true ? " inverted" : "")")
        }
        if let regex = step["pattern"]?["Regex"]?.stringValue {
          if let pattern = SplitPattern.recognise(regex) {
            steps.append(.pattern(pattern))
          } else if let splitter = RegexSplitter(pattern: regex) {
            steps.append(.regex(splitter))
          } else {
            throw .badTokenizerJSON(path: path, reason: "the Split regex does not compile: \(regex)")
          }
        } else if let literal = step["pattern"]?["String"]?.stringValue,
          let splitter = RegexSplitter(literal: literal)
        {
          steps.append(.regex(splitter))
        } else {
          throw .badTokenizerJSON(path: path, reason: "a Split pre-tokenizer has no Regex or String pattern")
        }
      default:
        throw .unsupported(path: path, feature: "pre-tokenizer '\(type)'")
      }
    }
    return (steps, addPrefixSpace, byteLevel)
  }
}
