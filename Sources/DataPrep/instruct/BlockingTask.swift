import Dispatch
import Synchronization

/// Runs async work to its end from synchronous code (the CLI's commands and `build` are
/// synchronous) while the calling thread waits.
///
/// The work and its child tasks prefer an executor of their own over a Dispatch queue, not
/// Swift concurrency's shared pool: a caller that is itself on that pool (a test, a library
/// user's task) cannot starve the work of a thread while it waits.
enum BlockingTask {
  /// The value `body` returns, or what it throws.
  static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached(executorPreference: QueueExecutor()) {
      let result: Result<T, any Error>
      do { result = .success(try await body()) } catch { result = .failure(error) }
      outcome.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    guard let result = outcome.withLock({ $0 }) else { throw CancellationError() }
    return try result.get()
  }

  /// Runs each job on a concurrent Dispatch queue.
  private final class QueueExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "dataprep.blocking-task", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
      let job = UnownedJob(job)
      let executor = asUnownedTaskExecutor()
      queue.async { job.runSynchronously(on: executor) }
    }
  }
}
