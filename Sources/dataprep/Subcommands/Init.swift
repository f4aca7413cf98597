import ArgumentParser
import DataPrep
import Foundation

extension DataPrepCommand {
  /// `dataprep init`: writes a commented starter recipe for `dataprep build`.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a commented starter recipe (dataprep.yaml) for `dataprep build`.",
      discussion: "Every key is listed with its default and what it does. See docs/build.md."
    )

    @Argument(help: "Source files and folders to list in the recipe (default: a `data` placeholder).")
    var sources: [String] = []

    @Option(name: .shortAndLong, help: "Where to write the recipe (`-` for stdout).")
    var output: String = "dataprep.yaml"

    @Flag(name: .long, help: "Replace an existing recipe.")
    var force = false

    func run() throws {
      if output != "-" && !force && FileManager.default.fileExists(atPath: output) {
        throw BuildError.recipeExists(path: output)
      }
      let file = try OutputFile(path: output)
      try file.write(StarterRecipe.text(sources: sources))
      try file.commit()
      if output != "-" {
        FileHandle.standardError.write(Data("wrote \(output); edit it, then run: dataprep build -o build/dataset\n".utf8))
      }
    }
  }
}
