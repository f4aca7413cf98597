import Foundation
import Synchronization

/// Reads documents on a thread of its own and hands them to async code in batches, at most one
/// batch ahead of the consumer: the readers of the `io` folder push lines to a closure, which
/// cannot wait for replies, so the reading runs beside the requests instead.
///
/// Memory: the batch being worked on and the one read ahead.
final class DocumentBatchReader: @unchecked Sendable {
  /// The batches, in input order; ends with the reader's error (a bad line, a bad document).
  let batches: AsyncThrowingStream<[Document], any Error>
  private let continuation: AsyncThrowingStream<[Document], any Error>.Continuation
  /// One batch of room, given by a signal: libdispatch traps when a semaphore is freed below the
  /// value it was made with, which one made with 1 is when a run stops during a batch.
  private let room = DispatchSemaphore(value: 0)
  private let stopped = Atomic<Bool>(false)
  private let reader: JSONLReader
  private let size: Int

  /// Starts reading `reader` in batches of `size` documents.
  init(reader: JSONLReader, size: Int) {
    (batches, continuation) = AsyncThrowingStream.makeStream()
    self.reader = reader
    self.size = max(1, size)
    room.signal()
    let thread = Thread { [self] in produce() }
    thread.stackSize = 16 << 20
    thread.start()
  }

  /// The consumer is done with a batch: the next may be handed over.
  func done() {
    room.signal()
  }

  /// Stops reading (the consumer stopped early).
  func cancel() {
    stopped.store(true, ordering: .sequentiallyConsistent)
    room.signal()
  }

  private var isStopped: Bool { stopped.load(ordering: .sequentiallyConsistent) }

  private func produce() {
    var batch: [Document] = []
    do {
      try reader.forEachRecord { record in
        if isStopped { return false }
        batch.append(try DocumentDecoder.decode(record.object, path: reader.path, line: record.line))
        if batch.count >= size {
          hand(batch)
          batch = []
        }
        return !isStopped
      }
      if !batch.isEmpty { hand(batch) }
      continuation.finish()
    } catch {
      continuation.finish(throwing: error)
    }
  }

  private func hand(_ batch: [Document]) {
    room.wait()
    guard !isStopped else { return }
    continuation.yield(batch)
  }
}
