import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One shard's signatures on disk (`part-IIIII-of-NNNNN.signatures.bin`), laid out for
/// positioned reads: the later stages read one record's signature, shingle set or facts, or a
/// run of records, without loading the file.
///
/// Little-endian: a magic line, the settings that shape the contents
/// (``DedupOptions/fileSettings``), the signature length, the record count, a table of
/// sections (byte offset and element count each), then the sections: the fields of
/// ``SketchTable`` as flat arrays. The descriptor never leaves this file.
final class SignaturePartFile: @unchecked Sendable {
  /// The arrays of the file, in order.
  enum Section: Int, CaseIterable {
    case idOffsets, idBytes, fileIndex, lines, textLengths, exactHashes, shingleCounts, signatures
    case sampleOffsets, samples, setOffsets, shingleSets

    /// Bytes per element.
    var width: Int {
      switch self {
      case .idBytes: return 1
      case .fileIndex: return 2
      case .lines, .textLengths, .shingleCounts, .signatures: return 4
      case .idOffsets, .exactHashes, .sampleOffsets, .samples, .setOffsets, .shingleSets: return 8
      }
    }
  }

  static let magic = Array("DPDEDUP-SIGNATURES-3\n".utf8)

  let path: String
  /// Signature length.
  let permutations: Int
  /// Records in the file.
  let count: Int
  /// Whether shingle sets are stored (exact verification).
  var hasSets: Bool { sections[Section.setOffsets.rawValue].count == count + 1 }
  private let fd: Int32
  private let sections: [(offset: Int, count: Int)]

  /// Opens the part at `path`, which must have been written with `settings`.
  /// - Throws: ``DedupError/badIntermediate(path:reason:)`` when it is not a signatures part,
  ///   is truncated or was made with other settings.
  init(path: String, settings: String) throws(DedupError) {
    self.path = path
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    self.fd = fd
    guard fd >= 0 else { throw .badIntermediate(path: path, reason: "cannot open (\(String(cString: strerror(errno))))") }
    var info = stat()
    fstat(fd, &info)
    let size = Int(info.st_size)
    var head = [UInt8](repeating: 0, count: min(size, 1 << 16))
    let got = head.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress, raw.count, 0) }
    guard got == head.count else {
      close(fd)
      throw .badIntermediate(path: path, reason: "cannot be read")
    }
    var reader = BinaryReader(bytes: head, path: path)
    do throws(DedupError) {
      try reader.expect(Self.magic, what: "a dedup signatures part")
      let stored = try reader.string()
      guard stored == settings else {
        throw DedupError.badIntermediate(path: path, reason: "made with other settings (\(stored)); this run uses \(settings)")
      }
      permutations = try reader.int()
      count = try reader.int()
      var table: [(offset: Int, count: Int)] = []
      for section in Section.allCases {
        let entry = (offset: try reader.int(), count: try reader.int())
        guard entry.count <= (size - min(size, entry.offset)) / section.width else {
          throw DedupError.badIntermediate(path: path, reason: "truncated (run the signatures shard again with --force)")
        }
        table.append(entry)
      }
      sections = table
    } catch {
      close(fd)
      throw error
    }
  }

  deinit { close(fd) }

  /// Elements `range` of `section`.
  /// - Throws: ``DedupError/badIntermediate(path:reason:)`` when the range is outside the
  ///   section or the read fails.
  func read<T: FixedWidthInteger>(_ section: Section, _ range: Range<Int>, as: T.Type = T.self) throws(DedupError) -> [T] {
    let entry = sections[section.rawValue]
    guard range.lowerBound >= 0, range.upperBound <= entry.count, MemoryLayout<T>.size == section.width else {
      throw .badIntermediate(path: path, reason: "a record beyond the part's \(entry.count) entries (corrupt part)")
    }
    if range.isEmpty { return [] }
    var values = [T](repeating: 0, count: range.count)
    let wanted = range.count * section.width
    var done = 0
    let start = entry.offset + range.lowerBound * section.width
    let failed = values.withUnsafeMutableBytes { raw -> Bool in
      guard let base = raw.baseAddress else { return true }
      while done < wanted {
        let n = pread(fd, base + done, wanted - done, off_t(start + done))
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { return true }
        done += n
      }
      return false
    }
    if failed { throw .badIntermediate(path: path, reason: "cannot be read at byte \(start + done)") }
    #if _endian(big)
      for k in values.indices { values[k] = T(littleEndian: values[k]) }
    #endif
    return values
  }

  /// One element of `section`.
  func value<T: FixedWidthInteger>(_ section: Section, _ index: Int, as: T.Type = T.self) throws(DedupError) -> T {
    try read(section, index..<(index + 1), as: T.self)[0]
  }

  /// Writes `table` as a signatures part made with `settings` to `output`.
  static func write(_ table: SketchTable, settings: String, to output: OutputFile) throws(OutputError) {
    var idOffsets: [UInt64] = [0]
    idOffsets.reserveCapacity(table.count + 1)
    var total = 0
    for id in table.ids {
      total += id.utf8.count
      idOffsets.append(UInt64(total))
    }
    let counts: [Int] = [
      idOffsets.count, total, table.fileIndex.count, table.lines.count, table.textLengths.count, table.exactHashes.count,
      table.shingleCounts.count, table.signatures.count, table.sampleOffsets.count, table.samples.count,
      table.setOffsets.count, table.shingleSets.count,
    ]
    var head = BinaryWriter()
    head.bytes(magic)
    head.string(settings)
    head.int(table.permutations)
    head.int(table.count)
    var offset = head.data.count + Section.allCases.count * 16
    for section in Section.allCases {
      head.int(offset)
      head.int(counts[section.rawValue])
      offset += counts[section.rawValue] * section.width
    }
    try output.write(head.data)
    try section(idOffsets, to: output)
    var idBytes: [UInt8] = []
    idBytes.reserveCapacity(total)
    for id in table.ids { idBytes += id.utf8 }
    try output.write(idBytes)
    try section(table.fileIndex, to: output)
    try section(table.lines, to: output)
    try section(table.textLengths, to: output)
    try section(table.exactHashes, to: output)
    try section(table.shingleCounts, to: output)
    try section(table.signatures, to: output)
    try section(table.sampleOffsets.map { UInt64($0) }, to: output)
    try section(table.samples, to: output)
    try section(table.setOffsets.map { UInt64($0) }, to: output)
    try section(table.shingleSets, to: output)
  }

  /// Writes `values` little-endian, a megabyte at a time.
  private static func section<T: FixedWidthInteger>(_ values: [T], to output: OutputFile) throws(OutputError) {
    let per = max(1, (1 << 20) / MemoryLayout<T>.size)
    var start = 0
    var chunk: [UInt8] = []
    while start < values.count {
      let end = min(values.count, start + per)
      chunk.removeAll(keepingCapacity: true)
      values[start..<end].withUnsafeBytes { raw in
        #if _endian(big)
          for v in values[start..<end] { withUnsafeBytes(of: v.littleEndian) { chunk += $0 } }
        #else
          chunk += raw
        #endif
      }
      try output.write(chunk)
      start = end
    }
  }
}
