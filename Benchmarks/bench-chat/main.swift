// Release-mode model-call benchmark: `swift run -c release bench-chat [REQUESTS] [CONCURRENCY] [LATENCY_MS]`.
//
// Starts the chat test server on 127.0.0.1 adding LATENCY_MS (default 50) to every reply, sends
// REQUESTS (default 1000) distinct requests through ChatCompletionClient.completeAll at
// CONCURRENCY (default 16), checks every reply, and prints one JSON line: seconds, the ideal
// REQUESTS × latency / CONCURRENCY, and their ratio.
// `bench-chat --serve [LATENCY_MS]` only runs the server (base URL on stdout, until stdin closes),
// so scripts/bench-chat-peer.py can time a Python client against the same server.
// `bench-chat --serve-documentation [LATENCY_MS]` runs it answering instruct's prompts with the
// chunk's own sentences (grounded), so `dataprep instruct --generator openai-compatible` can be
// timed end to end (scripts/bench-instruct-model.sh).
import DataPrep
import DataPrepTestSupport
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--serve" || arguments.first == "--serve-documentation" {
  let latency = (arguments.count > 1 ? Double(arguments[1]) ?? 50 : 50) / 1000
  let documentation = arguments.first == "--serve-documentation"
  let server = try ChatTestServer(latency: latency, responder: documentation ? ChatTestReply.documentation(for:) : nil)
  FileHandle.standardOutput.write(Data((server.baseURL + "\n").utf8))
  while readLine() != nil {}
  server.stop()
  exit(0)
}
let count = arguments.count > 0 ? max(1, Int(arguments[0]) ?? 1000) : 1000
let concurrency = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 16) : 16
let latency = (arguments.count > 2 ? Double(arguments[2]) ?? 50 : 50) / 1000
do {
  let server = try ChatTestServer(latency: latency)
  let client = try server.client(timeout: 30)
  let requests = (0..<count).map { ChatTestServer.request("Write a question about chunk \($0) of the benchmark corpus.") }
  _ = try await client.complete(ChatTestServer.request("warm up"))
  let clock = ContinuousClock()
  let start = clock.now
  let results = await client.completeAll(requests, concurrency: concurrency)
  let elapsed = clock.now - start
  server.stop()
  let failed = results.filter { if case .failure = $0 { return true } else { return false } }.count
  let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
  let ideal = Double(count) * latency / Double(concurrency)
  let result: JSONValue = [
    "peer": "dataprep ChatCompletionClient (URLSession)", "requests": .integer(Int64(count)),
    "concurrency": .integer(Int64(concurrency)), "latency_ms": .double(latency * 1000),
    "seconds": .double((seconds * 1000).rounded() / 1000), "ideal_seconds": .double((ideal * 1000).rounded() / 1000),
    "ratio_to_ideal": .double((seconds / ideal * 100).rounded() / 100), "failed": .integer(Int64(failed)),
  ]
  print(JSONWriter().string(of: result))
  if failed > 0 { exit(1) }
} catch {
  FileHandle.standardError.write(Data("bench-chat: \(error)\n".utf8))
  exit(2)
}
