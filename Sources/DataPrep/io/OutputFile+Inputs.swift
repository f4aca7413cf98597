import Foundation

#if canImport(Glibc)
  import Glibc
#endif

extension OutputFile {
  /// Refuses an output path that names one of the inputs (the same file, even through another
  /// path or a link), since replacing it would destroy the input the run is reading.
  /// `-` (stdin or stdout) is never compared.
  /// - Throws: ``OutputError/sameAsInput(path:)`` naming the output.
  public static func requireDistinct(_ output: String, from inputs: [String]) throws(OutputError) {
    guard output != "-" else { return }
    var outputInfo = stat()
    let outputExists = stat(output, &outputInfo) == 0
    let outputPath = canonicalPath(output)
    for input in inputs where input != "-" {
      var inputInfo = stat()
      if outputExists, stat(input, &inputInfo) == 0 {
        if inputInfo.st_dev == outputInfo.st_dev && inputInfo.st_ino == outputInfo.st_ino {
          throw .sameAsInput(path: output)
        }
      } else if canonicalPath(input) == outputPath {
        throw .sameAsInput(path: output)
      }
    }
  }

  private static func canonicalPath(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
  }
}
