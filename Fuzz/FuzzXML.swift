// libFuzzer target: XML parsing (libxml2 wrapper) and XML extraction, tree and record mode.
// The input goes through a file because extraction reads files (in /dev/shm when present).

import Foundation

#if canImport(Glibc)
  import Glibc
#endif

nonisolated(unsafe) let fuzzXMLPath: String = {
  let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
  return "\(folder)/dataprep-fuzz-xml-\(getpid()).xml"
}()

/// One fuzz input; see FuzzMain.swift.
func fuzzXML(_ data: UnsafePointer<UInt8>, _ count: Int) -> Int32 {
  let bytes = Array(UnsafeBufferPointer(start: data, count: count))
  _ = try? XMLDocumentParser().parse(bytes)
  _ = try? XMLDocumentParser(recover: true).parse(bytes)
  guard FileManager.default.createFile(atPath: fuzzXMLPath, contents: Data(bytes)) else { return 0 }
  for options in [ExtractOptions(), ExtractOptions(recordXPath: "//*[2]", fields: [("t", "."), ("a", "@*")])] {
    try? XMLExtractor(options: options).forEachDocument(path: fuzzXMLPath, source: "fuzz.xml") { document in
      let line = JSONWriter().string(of: document.jsonValue)
      guard (try? JSONParser().parse(line)) != nil else { fatalError("extracted document is not valid JSON: \(line)") }
    }
  }
  return 0
}
