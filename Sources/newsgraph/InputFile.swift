import ArgumentParser
import Foundation

/// Whole-file reads for the commands that take annotated data or sentences: a path, or `-` for
/// standard input, named in the error when it cannot be read.
enum InputFile {
  static func bytes(_ path: String) throws -> [UInt8] {
    if path == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw ValidationError("\(path): cannot read file")
    }
    return [UInt8](data)
  }

  static func text(_ path: String) throws -> String {
    String(decoding: try bytes(path), as: UTF8.self)
  }
}
