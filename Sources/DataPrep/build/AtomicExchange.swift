#if canImport(Glibc)
  import Glibc
#endif

/// Exchanges two paths in one step with Linux's `renameat2(RENAME_EXCHANGE)`, looked up in the
/// C library at run time (Swift's Glibc module does not declare it; kernels before 3.15 and
/// some file systems lack it, and the caller then falls back to two renames).
enum AtomicExchange {
  private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
  /// `RENAME_EXCHANGE` from `<linux/fs.h>`.
  private static let renameExchange: UInt32 = 1 << 1

  /// Whether `a` and `b` were exchanged.
  static func exchange(_ a: String, _ b: String) -> Bool {
    #if os(Linux)
      // `nil` is RTLD_DEFAULT: the symbol from the libraries already loaded.
      guard let symbol = dlsym(nil, "renameat2") else { return false }
      let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
      return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    #else
      return false
    #endif
  }
}
