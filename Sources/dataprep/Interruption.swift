import DataPrep
import Dispatch
import Foundation

/// Removes uncommitted temporary outputs when the user interrupts a run (SIGINT, SIGTERM), so
/// the previous outputs stay intact and no partial file is left behind; turns a file-size limit
/// (SIGXFSZ) into a write error.
enum Interruption {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  static func install() {
    // Past a file-size limit (`ulimit -f`) the kernel sends SIGXFSZ, whose default action kills
    // the process and leaves its temporaries; ignored, the write fails with EFBIG instead and
    // is reported and cleaned up like a full disk.
    signal(SIGXFSZ, SIG_IGN)
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler {
        TemporaryFiles.shared.removeAll()
        Foundation.exit(128 + signalNumber)
      }
      source.resume()
      sources.append(source)
    }
  }
}
