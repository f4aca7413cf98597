import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary documents file that a stage reads back (``SiteFurnitureFilter`` over an
/// extraction): created empty beside the final output (or in `TMPDIR` for standard output),
/// registered with ``TemporaryFiles`` so an interruption removes it, and removed on deinit.
final class DocumentSpool {
  /// The spool's path.
  let path: String

  /// A new empty spool in the folder of `output` (`TMPDIR` when `output` is `-`).
  /// - Throws: ``OutputError/cannotCreate(path:reason:)`` when the folder is not writable.
  init(besides output: String) throws(OutputError) {
    let directory =
      output == "-"
      ? (ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp")
      : URL(fileURLWithPath: output).deletingLastPathComponent().path
    var template = Array("\(directory)/.dataprep-spool-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
      guard let base = buffer.baseAddress else { return -1 }
      return mkstemp(base)
    }
    guard fd >= 0 else { throw .cannotCreate(path: output, reason: String(cString: strerror(errno))) }
    close(fd)
    path = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    TemporaryFiles.shared.register(path)
  }

  deinit {
    unlink(path)
    TemporaryFiles.shared.unregister(path)
  }
}
