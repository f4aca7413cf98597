import Foundation
import Testing

@testable import DataPrep

@Suite struct ChatRetryPolicyTests {
  let policy = ChatRetryPolicy(ChatClientSettings(baseURL: "http://h", backoffBase: 1, backoffCap: 30, retryAfterCap: 60))

  @Test func retriesOnly408429And5xx() {
    #expect([408, 429, 500, 502, 503, 599].allSatisfy(ChatRetryPolicy.isRetryable(status:)))
    #expect(![400, 401, 403, 404, 413, 422, 600, 301].contains(where: ChatRetryPolicy.isRetryable(status:)))
  }

  @Test func readsRetryAfterAsSecondsOrAnHTTPDate() {
    let now = Date(timeIntervalSince1970: 1_445_412_480)  // Wed, 21 Oct 2015 07:28:00 GMT
    #expect(ChatRetryPolicy.seconds(inRetryAfter: "7", now: now) == 7)
    #expect(ChatRetryPolicy.seconds(inRetryAfter: " 0 ", now: now) == 0)
    #expect(ChatRetryPolicy.seconds(inRetryAfter: "Wed, 21 Oct 2015 07:28:30 GMT", now: now) == 30)
    #expect(ChatRetryPolicy.seconds(inRetryAfter: "Wed, 21 Oct 2015 07:27:00 GMT", now: now) == 0)
    #expect(ChatRetryPolicy.seconds(inRetryAfter: "soon", now: now) == nil)
    #expect(ChatRetryPolicy.seconds(inRetryAfter: "-3", now: now) == nil)
    #expect(ChatRetryPolicy.seconds(inRetryAfter: "", now: now) == nil)
  }

  @Test func honoursRetryAfterOnlyOn429And503UpToTheCap() {
    #expect(policy.delay(afterAttempt: 0, key: "ab", status: 429, retryAfter: "5") == 5)
    #expect(policy.delay(afterAttempt: 0, key: "ab", status: 503, retryAfter: "9999") == 60)
    #expect(policy.delay(afterAttempt: 0, key: "ab", status: 500, retryAfter: "5") < 1)
  }

  @Test func backsOffExponentiallyWithAJitterFixedByKeyAndAttempt() {
    let key = String(repeating: "7f", count: 32)
    for attempt in 0..<8 {
      let delay = policy.delay(afterAttempt: attempt, key: key, status: nil, retryAfter: nil)
      let ceiling = min(30, pow(2, Double(attempt)))
      #expect(delay >= ceiling / 2 && delay < ceiling)
      #expect(delay == policy.delay(afterAttempt: attempt, key: key, status: 500, retryAfter: nil))
    }
    let spread = Set((0..<16).map { policy.delay(afterAttempt: 2, key: String($0, radix: 16) + String(repeating: "0", count: 63), status: nil, retryAfter: nil) })
    #expect(spread.count > 8)
  }
}
