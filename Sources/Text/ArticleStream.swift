import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Articles read lazily from paths: files, folders (walked recursively in sorted order, keeping
/// `.txt` `.text` `.html` `.htm` `.jsonl` `.ndjson` and skipping hidden names), and `-` for
/// standard input (format sniffed from the first byte).
///
/// Problems come out as ``IngestItem/finding(_:)`` in the same sequence, next to the articles, and
/// never stop the reading of other rows or files. JSON Lines files are read one line at a time, so
/// a feed larger than memory is fine.
///
/// ```swift
/// for item in ArticleStream(["news/", "feed.jsonl", "-"]) {
///   switch item {
///   case .article(let article): ...
///   case .finding(let finding): print(finding, to: &standardError)
///   }
/// }
/// ```
public struct ArticleStream: Sequence {
  public var inputs: [String]
  public var reader: ArticleReader
  /// Where `-` reads from; standard input unless a test supplies another descriptor.
  public var standardInput: Int32

  public init(_ inputs: [String], reader: ArticleReader = ArticleReader(), standardInput: Int32 = 0) {
    self.inputs = inputs
    self.reader = reader
    self.standardInput = standardInput
  }

  public func makeIterator() -> Iterator {
    Iterator(inputs: inputs, reader: reader, standardInput: standardInput)
  }

  // MARK: - Iterator

  public struct Iterator: IteratorProtocol {
    let reader: ArticleReader
    let standardInput: Int32
    var inputs: [String]
    var nextInput = 0
    /// Items ready to hand out (findings and the article of one file).
    var ready: [IngestItem] = []
    var readyIndex = 0
    /// Open folder listings, innermost last.
    var walk: [Listing] = []
    var walkRoot: String?
    var walkArticles = 0
    var visitedFolders: Set<String> = []
    /// The JSON Lines input being read, if any.
    var lines: LineReader?
    var linesSource = ""
    var linesID = ""

    struct Listing {
      var path: String
      var id: String
      var entries: [String]
      var index = 0
    }

    init(inputs: [String], reader: ArticleReader, standardInput: Int32) {
      self.inputs = inputs
      self.reader = reader
      self.standardInput = standardInput
    }

    public mutating func next() -> IngestItem? {
      while true {
        if readyIndex < ready.count {
          let item = ready[readyIndex]
          readyIndex += 1
          if case .article = item, walkRoot != nil { walkArticles += 1 }
          return item
        }
        ready.removeAll(keepingCapacity: true)
        readyIndex = 0
        if lines != nil {
          readNextLine()
          continue
        }
        if !walk.isEmpty {
          stepWalk()
          continue
        }
        if let root = walkRoot {
          if walkArticles == 0 {
            ready.append(
              .finding(
                IngestFinding(
                  source: root, severity: .error,
                  message:
                    "no articles found in folder (looked for .txt, .text, .html, .htm, .jsonl, .ndjson files)"
                )))
          }
          walkRoot = nil
          continue
        }
        guard nextInput < inputs.count else { return nil }
        let input = inputs[nextInput]
        nextInput += 1
        open(input)
      }
    }

    // MARK: Inputs

    mutating func open(_ path: String) {
      if path == "-" {
        openStandardInput()
        return
      }
      var info = stat()
      guard stat(path, &info) == 0 else {
        let reason = String(cString: strerror(errno))
        let message =
          errno == ENOENT ? "no such file or folder" : "cannot read (\(reason.lowercased()))"
        ready.append(.finding(IngestFinding(source: path, severity: .error, message: message)))
        return
      }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        walkRoot = path
        walkArticles = 0
        visitedFolders = []
        enterFolder(path, id: Self.portableName(path))
        if walk.isEmpty { walkRoot = nil }  // listing failed: that finding is enough
      } else {
        // A file named on the command line is read whatever its extension; its format comes from
        // the extension when known, else from its first byte.
        let ext = (path as NSString).pathExtension
        openFile(
          path, id: Self.portableName(path), format: ArticleReader.Format(extension: ext), explicit: true)
      }
    }

    /// The last component of a path as given ("examples" for "/work/main/examples/", the folder's
    /// own name for "."): article ids must not depend on where the corpus sits or where the
    /// command runs, or the same article would get another IRI on another machine.
    static func portableName(_ path: String) -> String {
      let name = URL(fileURLWithPath: path).standardizedFileURL.lastPathComponent
      return name.isEmpty ? path : name
    }

    mutating func openStandardInput() {
      var input = LineReader(fd: standardInput, closesOnEnd: false)
      let head = input.peek(count: 4096)
      let format = ArticleReader.Format.sniff(head)
      if format == .jsonLines {
        lines = input
        linesSource = "-"
        linesID = "stdin"
        return
      }
      let bytes = input.readAll()
      if let error = input.error {
        ready.append(
          .finding(
            IngestFinding(source: "-", severity: .error, message: "cannot read standard input (\(error))")))
        return
      }
      if bytes.isEmpty {
        ready.append(
          .finding(IngestFinding(source: "-", severity: .error, message: "standard input is empty")))
        return
      }
      if LenientDecoder.looksBinary(bytes) {
        ready.append(binaryFinding("-", explicit: true))
        return
      }
      append(reader.readDocument(bytes, format: format, id: "stdin", source: "-"), explicit: true)
    }

    mutating func openFile(_ path: String, id: String, format: ArticleReader.Format?, explicit: Bool) {
      guard var input = LineReader(path: path) else {
        let reason = String(cString: strerror(errno)).lowercased()
        ready.append(
          .finding(IngestFinding(source: path, severity: .error, message: "cannot open (\(reason))")))
        return
      }
      let head = input.peek(count: 4096)
      let kind = format ?? ArticleReader.Format.sniff(head)
      if kind == .jsonLines {
        if LenientDecoder.looksBinary(head) {
          ready.append(binaryFinding(path, explicit: explicit))
          input.close()
          return
        }
        lines = input
        linesSource = path
        linesID = id
        return
      }
      let bytes = input.readAll()
      input.close()
      if let error = input.error {
        ready.append(
          .finding(IngestFinding(source: path, severity: .error, message: "cannot read (\(error))")))
        return
      }
      if bytes.isEmpty {
        ready.append(
          .finding(
            IngestFinding(
              source: path, severity: explicit ? .error : .skipped, message: "empty file; skipped")))
        return
      }
      if LenientDecoder.looksBinary(bytes) {
        ready.append(binaryFinding(path, explicit: explicit))
        return
      }
      append(reader.readDocument(bytes, format: kind, id: id, source: path), explicit: explicit)
    }

    func binaryFinding(_ path: String, explicit: Bool) -> IngestItem {
      .finding(
        IngestFinding(
          source: path, severity: explicit ? .error : .skipped,
          message: "binary data, not text (NUL or control bytes); file skipped"))
    }

    mutating func append(_ items: [IngestItem], explicit: Bool) {
      ready.append(contentsOf: items)
    }

    // MARK: JSON Lines

    mutating func readNextLine() {
      guard var input = lines else { return }
      if let (bytes, number) = input.nextLine() {
        lines = input
        let id = "\(linesID)#L\(number)"
        ready.append(contentsOf: reader.readJSONLine(bytes, source: linesSource, line: number, id: id))
      } else {
        if let error = input.error {
          ready.append(
            .finding(
              IngestFinding(
                source: linesSource, line: input.lineNumber, severity: .error,
                message: "read failed (\(error)); rest of the file skipped")))
        }
        input.close()
        lines = nil
      }
    }

    // MARK: Folders

    mutating func enterFolder(_ path: String, id: String) {
      let real = realPath(path)
      guard visitedFolders.insert(real).inserted else { return }  // symbolic-link cycle
      do {
        let names = try FileManager.default.contentsOfDirectory(atPath: path)
          .filter { !$0.hasPrefix(".") }
          .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        walk.append(Listing(path: path, id: id, entries: names))
      } catch {
        ready.append(
          .finding(
            IngestFinding(
              source: path, severity: walk.isEmpty ? .error : .warning,
              message: "cannot list folder (\(ArticleReader.reason(error)))")))
      }
    }

    mutating func stepWalk() {
      guard var top = walk.popLast() else { return }
      guard top.index < top.entries.count else { return }
      let name = top.entries[top.index]
      top.index += 1
      walk.append(top)
      let path = join(top.path, name)
      let id = join(top.id, name)
      var info = stat()
      guard stat(path, &info) == 0 else {
        let reason = String(cString: strerror(errno)).lowercased()
        ready.append(
          .finding(
            IngestFinding(source: path, severity: .skipped, message: "cannot read (\(reason)); skipped")))
        return
      }
      if (info.st_mode & S_IFMT) == S_IFDIR {
        enterFolder(path, id: id)
      } else if let format = ArticleReader.Format(extension: (name as NSString).pathExtension) {
        if Self.isProjectFile(name) {
          // A corpus folder's README or licence is about the articles, not one of them.
          ready.append(
            .finding(
              IngestFinding(
                source: path, severity: .warning,
                message: "not read: a README or licence file, not an article (name it alone to read it)")))
          return
        }
        openFile(path, id: id, format: format, explicit: false)
      }
    }

    /// README, LICENSE, NOTICE and the like, by name without extension, in any case.
    static func isProjectFile(_ name: String) -> Bool {
      let stem = ((name as NSString).deletingPathExtension).uppercased()
      return projectFileStems.contains(stem)
    }

    static let projectFileStems: Set<String> = [
      "README", "LICENSE", "LICENCE", "NOTICE", "COPYING", "CHANGELOG", "CHANGES", "AUTHORS",
    ]

    func join(_ a: String, _ b: String) -> String { a.hasSuffix("/") ? a + b : a + "/" + b }

    func realPath(_ path: String) -> String {
      guard let resolved = realpath(path, nil) else { return path }
      defer { free(resolved) }
      return String(cString: resolved)
    }
  }
}

// MARK: - Line reader

/// Reads a file descriptor in blocks and hands out lines (without `\n` or `\r\n`), so that a JSON
/// Lines file of any size is read with memory for one line at a time. Linear in the input size.
struct LineReader {
  private(set) var fd: Int32
  private let closesOnEnd: Bool
  private var buffer: [UInt8] = []
  private var start = 0
  private var atEnd = false
  private(set) var lineNumber = 0
  private(set) var error: String?

  init(fd: Int32, closesOnEnd: Bool) {
    self.fd = fd
    self.closesOnEnd = closesOnEnd
  }

  init?(path: String) {
    let fd = systemOpen(path)
    guard fd >= 0 else { return nil }
    self.init(fd: fd, closesOnEnd: true)
  }

  /// Reads one more block into the buffer; false at the end of input or on error.
  private mutating func fill() -> Bool {
    guard !atEnd else { return false }
    if start > 0 && start >= buffer.count / 2 {
      buffer.removeFirst(start)
      start = 0
    }
    let block = 1 << 16
    let old = buffer.count
    buffer.append(contentsOf: repeatElement(0, count: block))
    var n: Int
    repeat {
      n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + old, block) }
    } while n < 0 && errno == EINTR
    if n <= 0 {
      buffer.removeLast(block)
      if n < 0 { error = String(cString: strerror(errno)).lowercased() }
      atEnd = true
      return false
    }
    buffer.removeLast(block - n)
    return true
  }

  /// The first `count` bytes (or fewer at the end of input), without consuming them.
  mutating func peek(count: Int) -> ArraySlice<UInt8> {
    while buffer.count - start < count && fill() {}
    return buffer[start..<min(buffer.count, start + count)]
  }

  /// Everything not yet read.
  mutating func readAll() -> [UInt8] {
    while fill() {}
    let rest = Array(buffer[start...])
    start = buffer.count
    return rest
  }

  /// The next line and its 1-based number, or nil at the end.
  mutating func nextLine() -> ([UInt8], Int)? {
    var scanFrom = start
    while true {
      if let newline = buffer[scanFrom...].firstIndex(of: 0x0A) {
        var end = newline
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[start..<end])
        start = newline + 1
        lineNumber += 1
        return (line, lineNumber)
      }
      scanFrom = buffer.count
      let consumed = start
      if !fill() {
        guard start < buffer.count else { return nil }
        var end = buffer.count
        if buffer[end - 1] == 0x0D { end -= 1 }
        let line = Array(buffer[start..<end])
        start = buffer.count
        lineNumber += 1
        return (line, lineNumber)
      }
      // `fill` may have moved the unread bytes to the front of the buffer.
      scanFrom -= consumed - start
    }
  }

  mutating func close() {
    if closesOnEnd && fd >= 0 { systemClose(fd) }
    fd = -1
  }
}

private func systemOpen(_ path: String) -> Int32 {
  #if canImport(Glibc)
    Glibc.open(path, O_RDONLY)
  #elseif canImport(Musl)
    Musl.open(path, O_RDONLY)
  #else
    Darwin.open(path, O_RDONLY)
  #endif
}

private func systemClose(_ fd: Int32) {
  #if canImport(Glibc)
    _ = Glibc.close(fd)
  #elseif canImport(Musl)
    _ = Musl.close(fd)
  #else
    _ = Darwin.close(fd)
  #endif
}
