/// Joins StackExchange-style record-mode documents (one per `<row>` of Posts.xml, with
/// `metadata.fields` `PostTypeId`, `Id`, `Title`, `Body`, `AcceptedAnswerId`) into question and
/// accepted-answer pairs, streaming.
///
/// Memory: a question with an `AcceptedAnswerId` waits in a table until that answer arrives
/// (answers come after their questions in Id order). The table holds at most `maxPending`
/// questions (title and body text each); past that the oldest is evicted and counted in
/// ``evicted``, so memory stays bounded (about `maxPending` times the mean question size,
/// e.g. 100,000 x 2 KB = 200 MB at most) whatever the input size.
struct StackExchangeJoin {
  /// A question waiting for its accepted answer.
  struct Question: Sendable {
    /// The id of the question's document.
    var documentID: String
    /// The question's title.
    var title: String
    /// The question's body, as plain text.
    var body: String
  }

  /// A question and its accepted answer's text.
  struct Pair: Sendable {
    /// The question.
    var question: Question
    /// The accepted answer, as plain text.
    var answer: String
  }

  /// The most questions kept waiting.
  let maxPending: Int
  private var pending: [String: Question] = [:]
  private var queue: [String] = []
  private var queueHead = 0
  /// Questions dropped from the table before their answer arrived.
  private(set) var evicted = 0

  /// A join that keeps at most `maxPending` questions waiting.
  init(maxPending: Int) {
    self.maxPending = max(1, maxPending)
  }

  /// Whether `document` is a StackExchange post (it has `PostTypeId` and `Id` fields).
  static func isPost(_ document: Document) -> Bool {
    let fields = Self.fields(of: document)
    return fields["posttypeid"] != nil && fields["id"] != nil
  }

  /// What one post brings to the join, known from its document alone (so that shards can
  /// compute it and the join run later, in input order).
  enum Post {
    /// A question waiting for the answer with this id.
    case question(Question, awaiting: String)
    /// An answer with this id; its text is computed only when a question awaits it.
    case answer(id: String, body: () -> String)
  }

  /// What `document` brings to the join, or `nil` when it is no post, or a question without
  /// an accepted answer.
  static func post(of document: Document) -> Post? {
    let fields = Self.fields(of: document)
    guard let type = fields["posttypeid"], let id = fields["id"] else { return nil }
    switch type {
    case "1":
      guard let accepted = fields["acceptedanswerid"], !accepted.isEmpty else { return nil }
      let title = fields["title"] ?? document.title
      let body = EmbeddedHTML.text(fields["body"] ?? document.text, source: document.source).text
      return .question(Question(documentID: document.id, title: title, body: body), awaiting: accepted)
    case "2":
      return .answer(id: id, body: { EmbeddedHTML.text(fields["body"] ?? document.text, source: document.source).text })
    default:
      return nil
    }
  }

  /// Takes in one post; returns the pair it completes, when it is an awaited accepted answer.
  mutating func consume(_ document: Document) -> Pair? {
    Self.post(of: document).flatMap { consume($0) }
  }

  /// Takes in one post; returns the pair it completes, when it is an awaited accepted answer.
  mutating func consume(_ post: Post) -> Pair? {
    switch post {
    case .question(let question, let accepted):
      insert(question, awaiting: accepted)
      return nil
    case .answer(let id, let body):
      guard let question = pending.removeValue(forKey: id) else { return nil }
      return Pair(question: question, answer: body())
    }
  }

  private mutating func insert(_ question: Question, awaiting answerID: String) {
    pending[answerID] = question
    queue.append(answerID)
    while pending.count > maxPending, queueHead < queue.count {
      let oldest = queue[queueHead]
      queueHead += 1
      if pending.removeValue(forKey: oldest) != nil { evicted += 1 }
    }
    if queue.count - queueHead > 2 * maxPending || queueHead > maxPending {
      queue = queue[queueHead...].filter { pending[$0] != nil }
      queueHead = 0
    }
  }

  /// The record-mode fields, names lowercased without `_` or `-` (`PostTypeId` -> `posttypeid`).
  private static func fields(of document: Document) -> [String: String] {
    guard let object = document.metadata["fields"]?.objectValue else { return [:] }
    var fields: [String: String] = [:]
    for member in object {
      let key = member.key.lowercased().filter { $0 != "_" && $0 != "-" }
      switch member.value {
      case .string(let text): fields[key] = text
      case .integer(let number): fields[key] = String(number)
      default: break
      }
    }
    return fields
  }
}
