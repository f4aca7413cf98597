import Foundation

/// Runs a per-file job on worker threads and hands the results back in file order.
///
/// At most `window` files are in flight beyond the one being consumed, and each file's queue
/// holds at most `queueBytes` of documents before its worker waits, so memory stays bounded
/// even when one file streams millions of records. Output order is file order whatever the
/// number of workers, so runs are byte-identical for any `--jobs`.
final class ExtractionPipeline: @unchecked Sendable {
  /// What a worker reports for one file.
  enum Event {
    /// A document, in the file's order.
    case document(Document)
    /// The file ended: bytes read, and the failure if it did not end well.
    case finished(bytesRead: Int, failure: (any Error)?)
  }

  private struct Slot {
    var events: [Event] = []
    var bufferedBytes = 0
  }

  private struct Cancelled: Error {}

  private let condition = NSCondition()
  // All state below is guarded by `condition`.
  private var slots: [Int: Slot] = [:]
  private var nextToStart = 0
  private var consuming = 0
  private var cancelled = false

  private let count: Int
  private let workers: Int
  private let window: Int
  private let queueBytes: Int
  private let job: @Sendable (Int, (Document) throws -> Void) -> Event

  /// A pipeline over `count` files; `job(index, emit)` extracts file `index`, calling `emit`
  /// for each document, and returns the `.finished` event.
  init(
    count: Int, workers: Int, queueBytes: Int = 8 << 20,
    job: @escaping @Sendable (Int, (Document) throws -> Void) -> Event
  ) {
    self.count = count
    self.workers = max(1, min(workers, max(count, 1)))
    self.window = max(2, workers * 2)
    self.queueBytes = queueBytes
    self.job = job
  }

  /// Starts the workers and calls `consume(index, event)` on this thread for every event, in
  /// file order. `consume` returning `false` stops the run (remaining workers wind down).
  func run(_ consume: (Int, Event) throws -> Bool) rethrows {
    let group = DispatchGroup()
    for _ in 0..<workers {
      group.enter()
      let thread = Thread { [self] in
        work()
        group.leave()
      }
      thread.stackSize = 16 << 20
      thread.start()
    }
    defer {
      condition.lock()
      cancelled = true
      condition.broadcast()
      condition.unlock()
      group.wait()
    }
    for index in 0..<count {
      var finished = false
      while !finished {
        condition.lock()
        while (slots[index]?.events.isEmpty ?? true) {
          condition.wait()
        }
        let events = slots[index]?.events ?? []
        slots[index]?.events = []
        slots[index]?.bufferedBytes = 0
        if case .finished = events.last {
          slots[index] = nil
          consuming = index + 1
          finished = true
        }
        condition.broadcast()
        condition.unlock()
        for event in events {
          guard try consume(index, event) else { return }
        }
      }
    }
  }

  private func work() {
    while true {
      condition.lock()
      while !cancelled && nextToStart < count && nextToStart >= consuming + window {
        condition.wait()
      }
      guard !cancelled, nextToStart < count else {
        condition.unlock()
        return
      }
      let index = nextToStart
      nextToStart += 1
      slots[index] = Slot()
      condition.unlock()

      let end = job(index) { document throws in
        try self.push(.document(document), index: index, size: Self.estimatedSize(document))
      }
      do {
        try push(end, index: index, size: 0)
      } catch {
        return
      }
    }
  }

  private func push(_ event: Event, index: Int, size: Int) throws {
    condition.lock()
    defer { condition.unlock() }
    while !cancelled, let slot = slots[index], slot.bufferedBytes > queueBytes {
      condition.wait()
    }
    if cancelled { throw Cancelled() }
    let wasEmpty = slots[index]?.events.isEmpty ?? true
    slots[index, default: Slot()].events.append(event)
    slots[index, default: Slot()].bufferedBytes += size
    // The consumer only waits on an empty queue, so only that transition needs a wake-up.
    if wasEmpty { condition.broadcast() }
  }

  private static func estimatedSize(_ document: Document) -> Int {
    256 + document.text.utf8.count * 2 + document.title.utf8.count
  }
}
