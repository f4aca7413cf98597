/// What an element's `class`, `id` and `itemprop` words say about it, for main-content mode.
///
/// Pages name their furniture (`class="sidebar"`, `id="comments"`, `class="byline"`); these
/// names are the most direct signal a page gives about itself. Matching works on ASCII-lowercased
/// bytes: whole words (split at anything that is not a letter or digit) against
/// ``HTMLNameSignals/boilerplateWords`` and ``HTMLNameSignals/metadataWords``, and parts found
/// anywhere in a value (`comment-list`, `sharedaddy`) against the part lists.
struct HTMLNameSignals: OptionSet, Sendable, Hashable {
  let rawValue: UInt8

  /// Named as furniture: navigation, sidebars, sharing, related links, ads, comments.
  static let boilerplate = HTMLNameSignals(rawValue: 1 << 0)
  /// Named as reader comments (kept with `--include comments`).
  static let comments = HTMLNameSignals(rawValue: 1 << 1)
  /// Named as a short metadata line: byline, date, tags, credits.
  static let metadata = HTMLNameSignals(rawValue: 1 << 2)
  /// Named only with a word that also names content (`elementor-widget` in page builders,
  /// `teaser` for an article's lead): furniture unless it holds prose.
  static let weakBoilerplate = HTMLNameSignals(rawValue: 1 << 3)
  /// `itemprop=articleBody`: the page's own mark of its article.
  static let articleBody = HTMLNameSignals(rawValue: 1 << 4)

  /// Furniture words that also name content blocks: page builders' widgets, article leads.
  static let weakParts = PartList(["widget", "teaser"])

  /// `class`/`id` words that mark furniture as whole words.
  static let boilerplateWords = WordList([
    "nav", "navbar", "navigation", "menu", "menubar", "submenu", "footer", "sidebar", "breadcrumb", "breadcrumbs",
    "cookie", "cookies", "consent", "share", "sharing", "social", "related", "comments", "comment",
    "banner", "advert", "advertisement", "ads", "ad", "newsletter", "subscribe", "subscription",
    "login", "signup", "pagination", "pager", "popup", "modal", "skip", "toolbar", "masthead", "promo",
    "sponsored", "outbrain", "taboola", "disqus", "recommended", "trending", "copyright", "cta",
  ])

  /// Parts of `class`/`id` values that mark furniture wherever they occur in a token
  /// (`comment-list`, `sharedaddy`, `mainmenu`): long enough to be unambiguous.
  static let boilerplateParts = PartList([
    "comment", "disqus", "share", "shariff", "social", "related", "cookie", "consent", "newsletter", "subscri",
    "breadcrumb", "sidebar", "navigation", "navbar", "navheader", "topnav", "sidenav", "footer", "advert", "sponsor", "promo", "recommend",
    "pagination", "popup", "outbrain", "taboola", "menu", "authorbio", "author-bio", "about-author",
    "authorbox", "author-box", "author-info", "authorinfo", "author_info", "author-desc", "entry-author", "sociable", "news-letter", "disclaimer", "tagcloud", "tag-cloud", "post-tags", "entry-tags", "paywall", "skiplink", "respond",
  ])

  /// Name parts that mark reader comments.
  static let commentParts = PartList(["comment", "disqus", "respond"])

  /// `class`/`id`/`itemprop` words of short metadata lines (bylines, dates, credits, tag lines).
  static let metadataWords = WordList([
    "byline", "author", "authors", "date", "dateline", "time", "timestamp", "posted", "postmeta", "published",
    "meta", "credit", "credits", "caption", "tags", "tag", "category", "categories", "print", "rating", "source",
    "updated", "modified", "postedby", "utility", "rate", "ratings", "postmetadata", "legend",
  ])

  /// Words naming an image, and words that, beside one, name its caption or credit.
  static let imageWords = WordList(["img", "image", "images", "photo", "foto", "bild", "picture", "media"])
  static let captionWords = WordList(["subtitle", "metadata", "text", "title", "description", "desc", "info", "source"])

  /// Whole class tokens (space-separated) of CSS frameworks' hiding classes: the element is
  /// never shown. Responsive variants (`hidden-xs`, `is-hidden-lg`) hide it on some screens
  /// only, so they do not count.
  static let hidingTokens = WordList(
    ["hidden", "hide", "d-none", "invisible", "sr-only", "visually-hidden", "screen-reader-text", "hidecompletely"])

  private static func hidesElement(_ lowered: [UInt8]) -> Bool {
    var start = 0
    for index in 0...lowered.count {
      let isSpace =
        index == lowered.count || lowered[index] == 0x20 || lowered[index] == 0x09 || lowered[index] == 0x0A
        || lowered[index] == 0x0D || lowered[index] == 0x0C
      guard isSpace else { continue }
      if index > start, hidingTokens.contains(lowered[start..<index]) { return true }
      start = index + 1
    }
    return false
  }

  /// Parts grouped by their first byte, so that a value is scanned once for all of them.
  struct PartList: Sendable {
    private var byFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)

    init(_ parts: [String]) {
      for part in parts where !part.isEmpty {
        let bytes = Array(part.utf8)
        byFirstByte[Int(bytes[0])].append(bytes)
      }
    }

    /// Whether any part occurs anywhere in `bytes`.
    func occurs(in bytes: [UInt8]) -> Bool {
      for start in bytes.indices {
        for part in byFirstByte[Int(bytes[start])] where bytes.count - start >= part.count {
          if bytes[start..<start + part.count].elementsEqual(part) { return true }
        }
      }
      return false
    }
  }

  /// Words grouped by length, so that a word of the input is compared in place, unallocated.
  struct WordList: Sendable {
    private var byLength: [[[UInt8]]] = []

    init(_ words: [String]) {
      for word in words {
        let bytes = Array(word.utf8)
        while byLength.count <= bytes.count { byLength.append([]) }
        byLength[bytes.count].append(bytes)
      }
    }

    func contains(_ word: ArraySlice<UInt8>) -> Bool {
      guard word.count < byLength.count else { return false }
      return byLength[word.count].contains { $0.elementsEqual(word) }
    }
  }

  /// The signals of one `class` or `id` value (furniture words and parts, comment parts,
  /// metadata words); `keepComments` leaves values naming comments unflagged as furniture.
  static func of(classOrID value: String, keepComments: Bool) -> HTMLNameSignals {
    var lowered = lowercasedBytes(value)
    blankOut(commentary, in: &lowered)
    var signals: HTMLNameSignals = []
    let namesComments = commentParts.occurs(in: lowered)
    if namesComments { signals.insert(.comments) }
    var isFurniture = false
    var isMetadata = false
    // A caption or credit under an image is metadata too: "image-subtitle", "img-metadata".
    var namesImage = false
    var namesCaption = false
    forEachWord(lowered) { word in
      if boilerplateWords.contains(word) { isFurniture = true }
      if metadataWords.contains(word) { isMetadata = true }
      if imageWords.contains(word) { namesImage = true }
      if captionWords.contains(word) { namesCaption = true }
    }
    if !isFurniture { isFurniture = boilerplateParts.occurs(in: lowered) }
    if !isFurniture { isFurniture = hidesElement(lowered) }
    if isFurniture, !(keepComments && namesComments) { signals.insert(.boilerplate) }
    if !isFurniture, weakParts.occurs(in: lowered) { signals.insert(.weakBoilerplate) }
    if namesImage && namesCaption { isMetadata = true }
    if isMetadata { signals.insert(.metadata) }
    return signals
  }

  /// The signals of an `itemprop` value: its metadata words, and `articleBody`.
  static func of(itemprop value: String) -> HTMLNameSignals {
    let lowered = lowercasedBytes(value)
    var signals: HTMLNameSignals = []
    forEachWord(lowered) { if metadataWords.contains($0) { signals.insert(.metadata) } }
    if lowered.elementsEqual("articlebody".utf8) { signals.insert(.articleBody) }
    return signals
  }

  /// An opinion piece (`commentary`), not reader comments: blanked out before matching.
  private static let commentary = Array("commentary".utf8)

  /// Replaces each occurrence of `word` in `bytes` with spaces.
  private static func blankOut(_ word: [UInt8], in bytes: inout [UInt8]) {
    guard bytes.count >= word.count else { return }
    var index = 0
    while index <= bytes.count - word.count {
      if bytes[index..<index + word.count].elementsEqual(word) {
        for position in index..<index + word.count { bytes[position] = 0x20 }
        index += word.count
      } else {
        index += 1
      }
    }
  }

  private static func lowercasedBytes(_ value: String) -> [UInt8] {
    value.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }
  }

  /// Calls `body` with each run of letters and digits (bytes >= 0x80 count as letters, so
  /// non-ASCII words stay whole).
  private static func forEachWord(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
    var start = 0
    for index in 0...bytes.count {
      let isWordByte: Bool
      if index < bytes.count {
        let byte = bytes[index]
        isWordByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
      } else {
        isWordByte = false
      }
      if !isWordByte {
        if index > start { body(bytes[start..<index]) }
        start = index + 1
      }
    }
  }


}
