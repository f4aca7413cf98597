/// Reads and writes the intermediate files of a staged dedup run, so each stage can run as a
/// separate job: a sketch file (`--stage signatures`) and an edge file (`--stage candidates`).
///
/// Both are little-endian binary with a magic line, the settings that shape their contents and
/// the digest of the input they were made from (``SketchTable/inputDigest``); reading a file made
/// with different settings fails with a message naming the setting, a pairs file made from other
/// signatures fails, and the output pass refuses an input whose digest differs.
enum SketchFile {
  static let sketchMagic = Array("DPDEDUP-SKETCH-2\n".utf8)
  static let edgeMagic = Array("DPDEDUP-EDGES-2\n".utf8)

  /// The bytes of a sketch file holding `table` made with `options`.
  static func encode(_ table: SketchTable, options: DedupOptions) -> [UInt8] {
    var out = BinaryWriter()
    out.bytes(sketchMagic)
    out.string(settings(options))
    out.digest(table.inputDigest)
    out.int(table.permutations)
    out.int(table.files.count)
    for file in table.files { out.string(file) }
    out.int(table.allDocuments ? 1 : 0)
    out.int(table.count)
    for id in table.ids { out.string(id) }
    out.array(table.fileIndex)
    out.array(table.lines)
    out.array(table.textLengths)
    out.array(table.exactHashes)
    out.array(table.shingleCounts)
    out.array(table.signatures)
    out.array(table.sampleOffsets.map { UInt64($0) })
    out.array(table.samples)
    out.array(table.setOffsets.map { UInt64($0) })
    out.array(table.shingleSets)
    return out.data
  }

  /// The table in a sketch file's bytes.
  /// - Throws: ``DedupError/badIntermediate(path:reason:)`` when the file is not a sketch file,
  ///   is truncated, or was made with other settings.
  static func decodeSketch(_ bytes: [UInt8], path: String, options: DedupOptions) throws(DedupError) -> SketchTable {
    var r = BinaryReader(bytes: bytes, path: path)
    try r.expect(sketchMagic, what: "a dedup signatures file")
    let stored = try r.string()
    guard stored == settings(options) else {
      throw .badIntermediate(path: path, reason: "made with other settings (\(stored)); this run uses \(settings(options))")
    }
    let digest = try r.digest()
    var table = SketchTable(permutations: try r.int())
    table.inputDigest = digest
    let fileCount = try r.int()
    for _ in 0..<fileCount { table.files.append(try r.string()) }
    table.allDocuments = try r.int() == 1
    let count = try r.int()
    for _ in 0..<count { table.ids.append(try r.string()) }
    table.fileIndex = try r.array(UInt16.self)
    table.lines = try r.array(Int32.self)
    table.textLengths = try r.array(UInt32.self)
    table.exactHashes = try r.array(UInt64.self)
    table.shingleCounts = try r.array(UInt32.self)
    table.signatures = try r.array(UInt32.self)
    table.sampleOffsets = try r.array(UInt64.self).map { Int($0) }
    table.samples = try r.array(UInt64.self)
    table.setOffsets = try r.array(UInt64.self).map { Int($0) }
    table.shingleSets = try r.array(UInt64.self)
    guard table.fileIndex.count == count, table.signatures.count == count * table.permutations,
      table.sampleOffsets.count == count + 1
    else { throw .badIntermediate(path: path, reason: "inconsistent record counts (corrupt file)") }
    return table
  }

  /// The bytes of an edge file, made from the signatures of the input whose digest is `inputDigest`.
  static func encode(_ edges: [SimilarityEdge], options: DedupOptions, inputDigest: UInt64?) -> [UInt8] {
    var out = BinaryWriter()
    out.bytes(edgeMagic)
    out.string(settings(options))
    out.digest(inputDigest)
    out.array(edges.map(\.first))
    out.array(edges.map(\.second))
    out.array(edges.map { $0.similarity.bitPattern })
    return out.data
  }

  /// The edges in an edge file's bytes, which must come from the signatures of the input whose
  /// digest is `inputDigest` (the signatures file's ``SketchTable/inputDigest``).
  /// - Throws: ``DedupError/badIntermediate(path:reason:)`` as for sketch files, and when the
  ///   pairs were made from other signatures.
  static func decodeEdges(
    _ bytes: [UInt8], path: String, options: DedupOptions, inputDigest: UInt64?
  ) throws(DedupError) -> [SimilarityEdge] {
    var r = BinaryReader(bytes: bytes, path: path)
    try r.expect(edgeMagic, what: "a dedup pairs file")
    let stored = try r.string()
    guard stored == settings(options) else {
      throw .badIntermediate(path: path, reason: "made with other settings (\(stored)); this run uses \(settings(options))")
    }
    let storedDigest = try r.digest()
    guard storedDigest == inputDigest else {
      throw .staleCandidates(
        path: path, storedDigest: storedDigest.map(InputDigest.hex) ?? "none",
        signaturesDigest: inputDigest.map(InputDigest.hex) ?? "none")
    }
    let first = try r.array(Int32.self)
    let second = try r.array(Int32.self)
    let similarity = try r.array(UInt32.self)
    guard first.count == second.count, first.count == similarity.count else {
      throw .badIntermediate(path: path, reason: "inconsistent pair counts (corrupt file)")
    }
    return first.indices.map { SimilarityEdge(first: first[$0], second: second[$0], similarity: Float(bitPattern: similarity[$0])) }
  }

  /// The settings a file's contents depend on, as one line.
  static func settings(_ o: DedupOptions) -> String {
    "field=\(o.field ?? "-") normalize=\(o.normalization.rawValue) ngram=\(o.ngram) permutations=\(o.permutations) "
      + "seed=\(o.seed) sampling=\(o.partialSampling) verify=\(o.verification.rawValue) "
      + "signature=\(o.signatureScheme.rawValue)"
  }
}

struct BinaryWriter {
  var data: [UInt8] = []

  mutating func bytes(_ b: [UInt8]) { data += b }

  mutating func int(_ v: Int) { append(UInt64(v)) }

  mutating func string(_ s: String) {
    int(s.utf8.count)
    data += s.utf8
  }

  /// An optional input digest: a presence flag, then the value.
  mutating func digest(_ value: UInt64?) {
    int(value == nil ? 0 : 1)
    append(value ?? 0)
  }

  mutating func append<T: FixedWidthInteger>(_ v: T) {
    withUnsafeBytes(of: v.littleEndian) { data += $0 }
  }

  mutating func array<T: FixedWidthInteger>(_ values: [T]) {
    int(values.count)
    data.reserveCapacity(data.count + values.count * MemoryLayout<T>.size)
    for v in values { append(v) }
  }
}

struct BinaryReader {
  let bytes: [UInt8]
  let path: String
  var offset = 0

  init(bytes: [UInt8], path: String) {
    self.bytes = bytes
    self.path = path
  }

  mutating func expect(_ magic: [UInt8], what: String) throws(DedupError) {
    guard bytes.count >= magic.count, Array(bytes[0..<magic.count]) == magic else {
      throw .badIntermediate(path: path, reason: "not \(what)")
    }
    offset = magic.count
  }

  mutating func read<T: FixedWidthInteger>(_ type: T.Type) throws(DedupError) -> T {
    let size = MemoryLayout<T>.size
    guard offset + size <= bytes.count else { throw .badIntermediate(path: path, reason: "truncated") }
    let value = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    offset += size
    return T(littleEndian: value)
  }

  mutating func int() throws(DedupError) -> Int {
    let v = try read(UInt64.self)
    guard v <= UInt64(Int.max) else { throw .badIntermediate(path: path, reason: "corrupt length") }
    return Int(v)
  }

  mutating func digest() throws(DedupError) -> UInt64? {
    let present = try int()
    let value = try read(UInt64.self)
    return present == 1 ? value : nil
  }

  mutating func string() throws(DedupError) -> String {
    let length = try int()
    guard offset + length <= bytes.count else { throw .badIntermediate(path: path, reason: "truncated") }
    defer { offset += length }
    return String(decoding: bytes[offset..<(offset + length)], as: UTF8.self)
  }

  mutating func array<T: FixedWidthInteger>(_ type: T.Type) throws(DedupError) -> [T] {
    let count = try int()
    let size = MemoryLayout<T>.size
    guard count <= (bytes.count - offset) / size else { throw .badIntermediate(path: path, reason: "truncated") }
    var out = [T]()
    out.reserveCapacity(count)
    bytes.withUnsafeBytes { raw in
      for k in 0..<count { out.append(T(littleEndian: raw.loadUnaligned(fromByteOffset: offset + k * size, as: T.self))) }
    }
    offset += count * size
    return out
  }
}
