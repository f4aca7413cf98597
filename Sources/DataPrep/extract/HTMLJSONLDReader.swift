/// Reads schema.org values out of a page's JSON-LD blocks (`<script type="application/ld+json">`).
///
/// Every object at any depth counts (top-level arrays, `@graph`, nested values), found with an
/// explicit stack. Types are compared without their `https://schema.org/` prefix.
struct HTMLJSONLDReader {
  /// Every object in the blocks, in document order.
  let objects: [JSONObject]

  /// Types whose `headline`, `description`, `datePublished`, `author` describe the page.
  static let articleTypes: Set<String> = [
    "Article", "NewsArticle", "BlogPosting", "TechArticle", "ScholarlyArticle", "Report", "WebPage", "AboutPage",
    "FAQPage", "QAPage", "HowTo", "Recipe", "LiveBlogPosting", "OpinionNewsArticle", "ReportageNewsArticle",
    "AnalysisNewsArticle", "SocialMediaPosting", "DiscussionForumPosting", "CreativeWork",
  ]

  /// A reader over parsed JSON-LD values.
  init(values: [JSONValue]) {
    var objects: [JSONObject] = []
    var stack = Array(values.reversed())
    while let value = stack.popLast() {
      switch value {
      case .object(let object):
        objects.append(object)
        stack += object.members.reversed().map(\.value)
      case .array(let elements):
        stack += elements.reversed()
      default:
        continue
      }
    }
    self.objects = objects
  }

  /// The schema.org types of `object` (`@type` string or array), prefixes removed.
  static func types(of object: JSONObject) -> [String] {
    let raw: [JSONValue]
    switch object["@type"] {
    case .string(let s): raw = [.string(s)]
    case .array(let a): raw = a
    default: raw = []
    }
    return raw.compactMap(\.stringValue).map { type in
      if let slash = type.lastIndex(of: "/") { return String(type[type.index(after: slash)...]) }
      return type
    }
  }

  private func typed(_ types: Set<String>) -> [JSONObject] {
    objects.filter { !Set(Self.types(of: $0)).isDisjoint(with: types) }
  }

  /// The first string value of any of `keys` in an object of one of `types`.
  func firstString(_ keys: [String], inTypes types: Set<String>) -> String? {
    for object in typed(types) {
      for key in keys {
        if let value = object[key]?.stringValue?.trimmingASCIIWhitespace(), !value.isEmpty { return value }
      }
    }
    return nil
  }

  /// The name of the first author of an article-like object.
  func firstAuthor() -> String? {
    for object in typed(Self.articleTypes) {
      guard let author = object["author"] else { continue }
      let candidates = author.arrayValue ?? [author]
      for candidate in candidates {
        if let name = (candidate.stringValue ?? candidate["name"]?.stringValue)?.trimmingASCIIWhitespace(),
          !name.isEmpty, !name.hasPrefix("http")
        {
          return name
        }
      }
    }
    return nil
  }

  /// The publisher's name of an article-like object.
  func publisherName() -> String? {
    for object in typed(Self.articleTypes) {
      if let name = object["publisher"]?["name"]?.stringValue?.trimmingASCIIWhitespace(), !name.isEmpty {
        return name
      }
    }
    return nil
  }

  /// The `keywords` of article-like objects (comma-separated strings or arrays).
  func keywords() -> [String] { strings("keywords") }

  /// The `articleSection` values of article-like objects: the page's categories.
  func sections() -> [String] { strings("articleSection") }

  /// The values of `key` in article-like objects (comma-separated strings or arrays).
  private func strings(_ key: String) -> [String] {
    var result: [String] = []
    for object in typed(Self.articleTypes) {
      switch object[key] {
      case .string(let s): result += s.split(separator: ",").map(String.init)
      case .array(let a): result += a.compactMap(\.stringValue)
      default: continue
      }
    }
    return result
  }

  /// Every `Question` with its accepted (else first suggested) answer's text, possibly HTML.
  func questions() -> [(question: String, answer: String)] {
    var result: [(String, String)] = []
    for object in typed(["Question"]) {
      guard let question = (object["name"]?.stringValue ?? object["text"]?.stringValue) else { continue }
      let answers = object["acceptedAnswer"] ?? object["suggestedAnswer"]
      let first = answers?.arrayValue?.first ?? answers
      guard let answer = first?["text"]?.stringValue ?? first?.stringValue else { continue }
      result.append((question, answer))
    }
    return result
  }
}
