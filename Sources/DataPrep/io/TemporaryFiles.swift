import Foundation
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
  private let folders = Mutex<Set<String>>([])

  func register(_ path: String) {
    _ = paths.withLock { $0.insert(path) }
  }

  func unregister(_ path: String) {
    _ = paths.withLock { $0.remove(path) }
  }

  /// Registers a working folder (a build's staging folder), removed whole on interruption.
  func register(folder: String) {
    _ = folders.withLock { $0.insert(folder) }
  }

  func unregister(folder: String) {
    _ = folders.withLock { $0.remove(folder) }
  }

  /// Deletes every registered temporary file and working folder.
  public func removeAll() {
    let all = paths.withLock { set -> Set<String> in
      defer { set.removeAll() }
      return set
    }
    for path in all { unlink(path) }
    let allFolders = folders.withLock { set -> Set<String> in
      defer { set.removeAll() }
      return set
    }
    for folder in allFolders { try? FileManager.default.removeItem(atPath: folder) }
  }
}
