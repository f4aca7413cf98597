import Foundation

/// Streams a file (the training side) against a ``LeakageIndex`` of held-out records and lists
/// every leak: same group, exact duplicate, near duplicate (LSH candidates confirmed by
/// estimated Jaccard), and shared passages of `ngram` words (each n-gram of each part looked
/// up in the index's hash table; consecutive hits are joined into the longest shared passage).
///
/// A pair of records is reported once for its content, under the strongest kind (exact, then
/// near, then passage), plus once more when they also share a group. Findings come in input
/// order whatever the number of workers.
struct LeakageDetector: Sendable {
  /// The held-out side.
  let index: LeakageIndex
  private var options: LeakageOptions { index.options }
  /// Target bytes per batch of lines handed to the workers.
  var batchBytes = 4 << 20

  /// A detector over `index`.
  init(index: LeakageIndex) {
    if index.isSealed {
      self.index = index
    } else {
      var sealed = index
      sealed.seal()
      self.index = sealed
    }
  }

  /// The leaks of the records of the JSONL file `path` into the held-out records of the given
  /// roles (train: both; validation: `.external` only). `name` is how reports call the file.
  /// - Throws: ``InputError`` for unreadable files and bad lines, ``LeakageError/noText(path:line:field:)``.
  func scan(path: String, name: String? = nil, roles: Set<LeakageIndex.Role>) throws -> [LeakFinding] {
    try scan(source: try ByteSource(path: path), name: name, roles: roles)
  }

  /// The leaks of the JSONL lines of `source` (a whole file, or one shard's range of it, its
  /// lines numbered as in the file); `name` is how reports call the file (default: its path).
  func scan(source: ByteSource, name: String? = nil, roles: Set<LeakageIndex.Role>) throws -> [LeakFinding] {
    let file = name ?? source.path
    var findings: [LeakFinding] = []
    var batch = LineBatch()
    let jobs = max(1, options.jobs)
    var analyzer = RecordAnalyzer(options: options)
    analyzer.nearPrefilter = index.shingleKeys
    let parser = options.limits.jsonParser
    try LineReader(source, maximumLineBytes: options.limits.maximumLineBytes).forEachLine { rawLine, number in
      let line = number == 1 ? JSONLReader.droppingByteOrderMark(rawLine) : rawLine
      if JSONLReader.isBlank(line) { return true }
      if jobs == 1 {
        guard let record = try JSONLReader.parseRecord(line, number: number, path: file, parser: parser) else { return true }
        let reference = LeakRecordReference(file: file, line: number, id: LeakRecordReference.recordID(record.object))
        findings += self.findings(for: try analyzer.analyze(record.object, reference: reference), roles: roles)
        return true
      }
      batch.append(line, number: number)
      if batch.bytes.count >= batchBytes {
        findings += try process(batch, file: file, roles: roles, jobs: jobs)
        batch.removeAll()
      }
      return true
    }
    if batch.count > 0 { findings += try process(batch, file: file, roles: roles, jobs: jobs) }
    return findings
  }

  private struct SliceResult: Sendable {
    var findings: [LeakFinding] = []
    var error: (any Error & Sendable)?
  }

  private func process(_ batch: LineBatch, file: String, roles: Set<LeakageIndex.Role>, jobs: Int) throws -> [LeakFinding] {
    let workers = max(1, min(jobs, batch.count))
    let per = (batch.count + workers - 1) / workers
    let slots = ResultSlots<SliceResult>(count: workers)
    DispatchQueue.concurrentPerform(iterations: workers) { slot in
      var analyzer = RecordAnalyzer(options: options)
    analyzer.nearPrefilter = index.shingleKeys
      let parser = options.limits.jsonParser
      var result = SliceResult()
      for i in min(batch.count, slot * per)..<min(batch.count, (slot + 1) * per) {
        let number = batch.numbers[i]
        do {
          let parsed = try batch.withLine(i) { line throws(InputError) in
            try JSONLReader.parseRecord(line, number: number, path: file, parser: parser)
          }
          guard let record = parsed else { continue }
          let reference = LeakRecordReference(file: file, line: number, id: LeakRecordReference.recordID(record.object))
          result.findings += self.findings(for: try analyzer.analyze(record.object, reference: reference), roles: roles)
        } catch let error as InputError {
          result.error = error
          break
        } catch let error as LeakageError {
          result.error = error
          break
        } catch {
          result.error = LeakageError.failed(reason: "\(error)")
          break
        }
      }
      slots.set(slot, result)
    }
    var findings: [LeakFinding] = []
    for result in slots.values {
      guard let result else { continue }
      if let error = result.error { throw error }
      findings += result.findings
    }
    return findings
  }

  /// The leaks of one analyzed record into the index.
  func findings(for record: AnalyzedRecord, roles: Set<LeakageIndex.Role>) -> [LeakFinding] {
    var out: [LeakFinding] = []
    let references = index.references
    let indexRoles = index.roles
    func allowed(_ r: Int32) -> Bool { roles.contains(indexRoles[Int(r)]) }
    if options.kinds.contains(.sameGroup), roles.contains(.heldOut), let key = record.groupKey,
      let r = index.groups[key]
    {
      var finding = LeakFinding(kind: .sameGroup, heldOut: references[Int(r)], found: record.reference)
      finding.group = key
      out.append(finding)
    }
    var matched = Set<Int32>()
    if record.hasWords && options.kinds.contains(.exactDuplicate) {
      var list: [Int32] = []
      index.exact.forEach(record.exactHash) { list.append($0) }
      for r in list where allowed(r) && matched.insert(r).inserted {
        var finding = LeakFinding(kind: .exactDuplicate, heldOut: references[Int(r)], found: record.reference)
        finding.similarity = 1
        out.append(finding)
      }
    }
    if record.hasWords && !record.signature.isEmpty && options.kinds.contains(.nearDuplicate) {
      var candidates = Set<Int32>()
      let lsh = index.lsh
      record.signature.withUnsafeBufferPointer { sig in
        for band in 0..<lsh.bands {
          index.bands.forEach(lsh.bandKey(sig, band: band)) { candidates.insert($0) }
        }
      }
      let stride = options.permutations
      for r in candidates.sorted() where allowed(r) && !matched.contains(r) {
        let similarity = index.signatures.withUnsafeBufferPointer { all in
          record.signature.withUnsafeBufferPointer { sig in
            MinHasher.estimatedJaccard(sig, UnsafeBufferPointer(rebasing: all[(Int(r) * stride)..<(Int(r) * stride + stride)]))
          }
        }
        if similarity >= options.threshold {
          matched.insert(r)
          var finding = LeakFinding(kind: .nearDuplicate, heldOut: references[Int(r)], found: record.reference)
          finding.similarity = similarity
          out.append(finding)
        }
      }
    }
    if options.kinds.contains(.sharedPassage) {
      out += passages(of: record, excluding: matched, allowed: allowed)
    }
    return out
  }

  private struct Run {
    var last: Int
    var start: Int
    var length: Int
  }

  private struct Best {
    var length: Int
    var partIndex: Int
    var start: Int
    var heldOutPart: LeakagePart
  }

  private func passages(of record: AnalyzedRecord, excluding matched: Set<Int32>, allowed: (Int32) -> Bool) -> [LeakFinding] {
    let n = options.ngram
    let roller = NGramRoller(n: n)
    let table = index.ngrams
    var best: [Int32: Best] = [:]
    for (partIndex, part) in record.parts.enumerated() {
      var runs: [Int32: Run] = [:]
      part.words.hashes.withUnsafeBufferPointer { words in
        roller.forEach(words) { position, hash in
          guard let value = table.lookup(hash) else { return }
          table.forEachRecord(value) { code in
            let r = code >> 2
            guard allowed(r), !matched.contains(r) else { return }
            var run = runs[code] ?? Run(last: -2, start: position, length: 0)
            if run.last == position { return }  // the same n-gram listed twice for this record part
            if run.last == position - 1 {
              run.length += 1
            } else {
              run.start = position
              run.length = 1
            }
            run.last = position
            runs[code] = run
            if run.length > best[r]?.length ?? 0 {
              best[r] = Best(length: run.length, partIndex: partIndex, start: run.start, heldOutPart: LeakageIndex.part(code: code))
            }
          }
        }
      }
    }
    var out: [LeakFinding] = []
    for r in best.keys.sorted() {
      guard let b = best[r] else { continue }
      let part = record.parts[b.partIndex]
      let wordCount = b.length + n - 1
      let ranges = part.normalized.withUnsafeBufferPointer { NormalizedWords.ranges(in: $0) }
      let from = ranges[b.start].start
      let to = ranges[b.start + wordCount - 1].end
      var finding = LeakFinding(kind: .sharedPassage, heldOut: index.references[Int(r)], found: record.reference)
      finding.passage = String(decoding: part.normalized[from..<to], as: UTF8.self)
      finding.passageWords = wordCount
      finding.part = b.heldOutPart
      out.append(finding)
    }
    return out
  }
}
