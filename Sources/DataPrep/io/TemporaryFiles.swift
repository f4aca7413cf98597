import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The temporary output files not yet committed, so an interrupted run can remove them.
///
/// The CLI calls ``removeAll()`` when it receives SIGINT or SIGTERM; final outputs are never
/// touched, so the previous version of every output survives an interruption.
public final class TemporaryFiles: Sendable {
  /// The process-wide registry.
  public static let shared = TemporaryFiles()
  private let paths = Mutex<Set<String>>([])

  func register(_ path: String) {
    _ = paths.withLock { $0.insert(path) }
  }

  func unregister(_ path: String) {
    _ = paths.withLock { $0.remove(path) }
  }

  /// Deletes every registered temporary file.
  public func removeAll() {
    let all = paths.withLock { set -> Set<String> in
      defer { set.removeAll() }
      return set
    }
    for path in all { unlink(path) }
  }
}
