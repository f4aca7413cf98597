import Dispatch
import Synchronization

/// Runs async work to its end from synchronous code (the CLI's commands and `build` are
/// synchronous): the work runs on Swift concurrency's pool while the calling thread waits.
/// Call it only from a thread that is not itself running a task (the main thread, a build
/// thread), or a small pool can be left without a thread to run the work.
enum BlockingTask {
  /// The value `body` returns, or what it throws.
  static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
    let outcome = Mutex<Result<T, any Error>?>(nil)
    let done = DispatchSemaphore(value: 0)
    Task.detached {
      let result: Result<T, any Error>
      do { result = .success(try await body()) } catch { result = .failure(error) }
      outcome.withLock { $0 = result }
      done.signal()
    }
    done.wait()
    guard let result = outcome.withLock({ $0 }) else { throw CancellationError() }
    return try result.get()
  }
}
