import DataPrep
import Dispatch
import Foundation

/// Removes uncommitted temporary outputs when the user interrupts a run (SIGINT, SIGTERM), so
/// the previous outputs stay intact and no partial file is left behind.
enum Interruption {
  nonisolated(unsafe) private static var sources: [DispatchSourceSignal] = []

  static func install() {
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
