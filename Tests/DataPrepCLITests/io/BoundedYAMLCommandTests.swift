import Foundation
import Testing

import DataPrep

/// A YAML alias bomb given to the commands (`--config`, ./dataprep.yaml) is an error naming the
/// file, not gigabytes and an abort (``BoundedYAML`` itself is tested in BoundedYAMLTests).
@Suite struct BoundedYAMLCommandTests {
  @Test func theCommandsRefuseABombNamingTheFile() throws {
    let folder = try TemporaryDirectory()
    let config = try folder.write("bomb.yaml", HostileBytes.yamlAliasBomb)
    let data = try folder.write("data.jsonl", #"{"text":"hello"}"# + "\n")
    let start = Date()
    let validated = try CommandRunner.run(["validate", data, "--config", config], timeout: 60)
    if validated.stderr == CommandRunner.skipMessage { return }
    #expect(Date().timeIntervalSince(start) < 30)
    #expect(validated.status == 2, "\(validated.stderr)")
    #expect(validated.stderr.contains(config) && validated.stderr.contains("alias"), "\(validated.stderr)")
    // ./dataprep.yaml, read by build from the working folder.
    try folder.write("dataprep.yaml", HostileBytes.yamlAliasBomb)
    let built = try CommandRunner.run(["build", "-o", folder.path("out")], timeout: 60, directory: folder.url.path)
    #expect(built.status == 2, "\(built.stderr)")
    #expect(built.stderr.contains("dataprep.yaml") && built.stderr.contains("alias"), "\(built.stderr)")
  }
}
