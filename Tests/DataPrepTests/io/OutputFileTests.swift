import Foundation
import Testing
@testable import DataPrep

@Suite struct OutputFileTests {
  func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  @Test func nothingAppearsUnderTheFinalNameBeforeCommit() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("out.jsonl")
    let output = try OutputFile(path: path)
    try output.write("hello\n")
    try output.flush()
    #expect(!FileManager.default.fileExists(atPath: path))
    try output.commit()
    #expect(try contents(path) == "hello\n")
    #expect(try directory.listing() == ["out.jsonl"])
  }

  @Test func thePreviousFileSurvivesAnUncommittedOutputAndTheTemporaryIsRemoved() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("out.jsonl", "previous\n")
    do {
      let output = try OutputFile(path: path)
      try output.write("half-written")
      try output.flush()
      #expect(try directory.listing().count == 2)
    }
    #expect(try contents(path) == "previous\n")
    #expect(try directory.listing() == ["out.jsonl"])
  }

  @Test func commitReplacesThePreviousFile() throws {
    let directory = try TemporaryDirectory()
    let path = try directory.write("out.jsonl", "previous\n")
    let output = try OutputFile(path: path)
    try output.write("new\n")
    try output.commit()
    #expect(try contents(path) == "new\n")
  }

  @Test func aMissingFolderIsAClearError() throws {
    let directory = try TemporaryDirectory()
    let path = directory.path("no/such/out.jsonl")
    #expect(throws: OutputError.cannotCreate(path: path, reason: "No such file or directory")) {
      try OutputFile(path: path)
    }
  }
}
