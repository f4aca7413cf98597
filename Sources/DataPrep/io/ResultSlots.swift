import Foundation

/// Results written by parallel workers into fixed slots, read after they finish.
final class ResultSlots<Value>: @unchecked Sendable {
  private let lock = NSLock()
  private var slots: [Value?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [Value?] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}
