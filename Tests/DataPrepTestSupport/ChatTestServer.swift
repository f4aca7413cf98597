import DataPrep
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// A chat-completions server on 127.0.0.1 for tests and the benchmark: plain HTTP/1.1 over
/// POSIX sockets, one thread per connection (keep-alive honoured).
///
/// It checks each request's shape (POST `/v1/chat/completions`, a JSON body with `model` and
/// `messages`), records it, and answers with ``responder`` (by default
/// ``ChatTestReply/deterministic(for:)``), or with the next reply queued by ``enqueue(_:)``,
/// which is how tests script faults. ``stop()`` closes the listener and every connection and
/// waits for all threads (call it when done: the threads hold the server); ``restart()``
/// listens again on the same port.
package final class ChatTestServer: Sendable {
  /// Builds the reply to a valid request.
  package typealias Responder = @Sendable (ChatTestRequest) -> ChatTestReply

  private struct State {
    var listener: Int32 = -1
    var connections: Set<Int32> = []
    var running = false
    var queued: [ChatTestReply] = []
    var responder: Responder = ChatTestReply.deterministic(for:)
    var latency: Double = 0
    var received: [ChatTestRequest] = []
    var count = 0
  }

  /// The port listened on (fixed across restarts).
  package let port: UInt16
  private let state = Mutex(State())
  private let threads = DispatchGroup()

  /// Starts a server on a free port, adding `latency` seconds to every reply.
  package init(latency: Double = 0, responder: Responder? = nil) throws {
    let (listener, port) = try Self.listen(port: 0)
    self.port = port
    state.withLock {
      $0.latency = latency
      if let responder { $0.responder = responder }
    }
    start(listener)
  }

  /// `http://127.0.0.1:PORT/v1`, the base URL a client is given.
  package var baseURL: String { "http://127.0.0.1:\(port)/v1" }

  /// Every request received so far, in arrival order.
  package var received: [ChatTestRequest] { state.withLock { $0.received } }

  /// Replaces the responder for later requests.
  package func setResponder(_ responder: @escaping Responder) { state.withLock { $0.responder = responder } }

  /// Sets the latency added to every later reply.
  package func setLatency(_ seconds: Double) { state.withLock { $0.latency = seconds } }

  /// Queues replies (faults) given to the next requests, in order, before the responder's.
  package func enqueue(_ replies: [ChatTestReply]) { state.withLock { $0.queued += replies } }

  /// Closes the listener and every connection, and waits until all threads have ended.
  package func stop() {
    let (listener, connections) = state.withLock { s -> (Int32, Set<Int32>) in
      defer { s.running = false; s.listener = -1 }
      return (s.running ? s.listener : -1, s.connections)
    }
    if listener >= 0 { shutdown(listener, Int32(SHUT_RDWR)) }
    for fd in connections { shutdown(fd, Int32(SHUT_RDWR)) }
    threads.wait()
    if listener >= 0 { close(listener) }
  }

  /// Listens again on the same port after ``stop()``.
  package func restart() throws {
    let (listener, _) = try Self.listen(port: port)
    start(listener)
  }

  private func start(_ listener: Int32) {
    state.withLock {
      $0.listener = listener
      $0.running = true
    }
    threads.enter()
    let thread = Thread { [self] in
      acceptLoop(listener)
      threads.leave()
    }
    thread.start()
  }

  private func acceptLoop(_ listener: Int32) {
    while true {
      let fd = accept(listener, nil, nil)
      if fd < 0 {
        if errno == EINTR { continue }
        return
      }
      let accepted = state.withLock { s -> Bool in
        guard s.running else { return false }
        s.connections.insert(fd)
        return true
      }
      guard accepted else {
        close(fd)
        return
      }
      var one: Int32 = 1
      setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
      threads.enter()
      let thread = Thread { [self] in
        serve(fd)
        state.withLock { _ = $0.connections.remove(fd) }
        close(fd)
        threads.leave()
      }
      thread.start()
    }
  }

  /// Answers requests on one connection until it closes.
  private func serve(_ fd: Int32) {
    var buffer: [UInt8] = []
    while true {
      guard let (head, headerEnd) = readHead(fd, &buffer) else { return }
      let lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
      let requestLine = lines.first?.split(separator: " ") ?? []
      var headers: [String: String] = [:]
      for line in lines.dropFirst() {
        guard let colon = line.firstIndex(of: ":") else { continue }
        headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      }
      buffer.removeFirst(headerEnd)
      if headers["expect"]?.lowercased() == "100-continue" {
        guard sendAll(fd, Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)) else { return }
      }
      let length = Int(headers["content-length"] ?? "0") ?? 0
      while buffer.count < length {
        guard readMore(fd, &buffer) else { return }
      }
      let body = Array(buffer.prefix(length))
      buffer.removeFirst(length)
      let method = requestLine.count > 0 ? String(requestLine[0]) : ""
      let path = requestLine.count > 1 ? String(requestLine[1]) : ""
      let json = try? JSONParser().parse(body)
      let problem = ChatTestRequest.shapeProblem(method: method, path: path, json: json)
      let (request, queued, responder, latency) = state.withLock { s in
        s.count += 1
        let request = ChatTestRequest(number: s.count, method: method, path: path, headers: headers, body: body, json: json, problem: problem)
        s.received.append(request)
        let queued = problem == nil && !s.queued.isEmpty ? s.queued.removeFirst() : nil
        return (request, queued, s.responder, s.latency)
      }
      // The responder runs outside the lock, so it may call the server (even stop it).
      let reply: ChatTestReply
      if let problem {
        reply = .error(problem.hasPrefix("path") ? 404 : 400, message: problem)
      } else {
        reply = queued ?? responder(request)
      }
      let wait = latency + reply.delay
      if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
      switch reply.delivery {
      case .stall:
        // Never answer; wait for the client to give up (or stop() to shut the socket).
        while readMore(fd, &buffer) {}
        return
      case .closeMidReply:
        _ = sendAll(fd, responseHead(of: reply) + reply.body.prefix(reply.body.count / 2))
        return
      case .whole:
        guard sendAll(fd, responseHead(of: reply) + reply.body) else { return }
        if headers["connection"]?.lowercased() == "close" { return }
      }
    }
  }

  private func responseHead(of reply: ChatTestReply) -> [UInt8] {
    var text = "HTTP/1.1 \(reply.status) \(reply.status == 200 ? "OK" : "Status")\r\nContent-Type: application/json\r\n"
    text += "Content-Length: \(reply.body.count)\r\nConnection: keep-alive\r\n"
    for (name, value) in reply.headers.sorted(by: { $0.key < $1.key }) { text += "\(name): \(value)\r\n" }
    return Array((text + "\r\n").utf8)
  }

  /// Reads until the buffer holds a whole request head; returns it and its length with CRLFCRLF.
  private func readHead(_ fd: Int32, _ buffer: inout [UInt8]) -> ([UInt8], Int)? {
    let terminator: [UInt8] = [13, 10, 13, 10]
    while true {
      if buffer.count >= 4 {
        for index in 0...(buffer.count - 4) where buffer[index..<index + 4].elementsEqual(terminator) {
          return (Array(buffer[..<index]), index + 4)
        }
      }
      guard buffer.count < 1 << 20, readMore(fd, &buffer) else { return nil }
    }
  }

  private func readMore(_ fd: Int32, _ buffer: inout [UInt8]) -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      buffer.append(contentsOf: chunk[..<n])
      return true
    }
  }

  private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let n = bytes.withUnsafeBytes { raw -> Int in
        guard let base = raw.baseAddress else { return 0 }
        return send(fd, base + offset, raw.count - offset, Int32(MSG_NOSIGNAL))
      }
      if n < 0 && errno == EINTR { continue }
      guard n > 0 else { return false }
      offset += n
    }
    return true
  }

  /// A listening socket on 127.0.0.1:`port` (0: any free port) and the port it got.
  private static func listen(port: UInt16) throws -> (Int32, UInt16) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    guard fd >= 0 else { throw ChatTestServerError(reason: "socket: \(String(cString: strerror(errno)))") }
    var one: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard bound == 0, Glibc.listen(fd, 128) == 0 else {
      let reason = String(cString: strerror(errno))
      close(fd)
      throw ChatTestServerError(reason: "bind 127.0.0.1:\(port): \(reason)")
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return (fd, UInt16(bigEndian: address.sin_port))
  }
}
