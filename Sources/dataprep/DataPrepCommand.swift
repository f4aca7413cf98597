import ArgumentParser
import DataPrep
import Foundation

/// The `dataprep` command: turns raw documents into fine-tuning datasets.
///
/// Exit status, for every subcommand: 0 success, 1 problems found in the data,
/// 2 could not run (usage error, unreadable input, unwritable output).
@main
struct DataPrepCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dataprep",
    abstract: "Turn raw documents into fine-tuning datasets you can trust.",
    version: VersionText.current,
    subcommands: [
      Extract.self, Dedup.self, Instruct.self, Convert.self, Split.self, Leakage.self, Validate.self, Filter.self, Redact.self, Tokens.self, Stats.self, Merge.self, Build.self, Init.self,
    ]
  )

  static func main() {
    Interruption.install()
    do {
      // Messages the library makes name settings by their flags (`--force`).
      OptionName.naming = OptionName.flagName
      var command = try parseAsRoot()
      try command.run()
    } catch let exit as ExitCode {
      Foundation.exit(exit.rawValue)
    } catch let error as CleanExit {
      Self.exit(withError: error)
    } catch let error as LocalizedError {
      FileHandle.standardError.write(Data("dataprep: error: \(cliMessage(error))\n".utf8))
      Foundation.exit(2)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        Self.exit(withError: error)
      }
      FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
      Foundation.exit(2)
    }
  }
}
