import Extraction

// MARK: - Names on the command line

/// Parsing of the names a user types for diagram options (`--types Person,Country`,
/// `--modality asserted,reported`, `--layout auto`), with errors that list what is known.
extension DiagramRenderer {
  /// Entity types from a comma-separated list, any case ("Person,country").
  public static func entityTypes(_ list: String) throws(DiagramError) -> Set<EntityType> {
    try names(list, kind: "entity type", known: EntityType.allCases)
  }

  /// Modalities from a comma-separated list, any case ("asserted,Reported").
  public static func modalities(_ list: String) throws(DiagramError) -> Set<Modality> {
    try names(list, kind: "modality", known: Modality.allCases)
  }

  /// A layout engine by name; nil for "auto", which picks by size.
  public static func layout(_ name: String) throws(DiagramError) -> LayoutEngine? {
    let wanted = name.lowercased()
    if wanted == "auto" { return nil }
    guard let engine = LayoutEngine(rawValue: wanted) else {
      throw .unknownName(
        kind: "layout", name: name, known: ["auto"] + LayoutEngine.allCases.map(\.rawValue))
    }
    return engine
  }

  private static func names<Value: RawRepresentable<String>>(
    _ list: String, kind: String, known: [Value]
  ) throws(DiagramError) -> Set<Value> {
    var values = Set<Value>()
    for part in list.split(separator: ",") {
      let name = part.filter { !$0.isWhitespace }
      guard let value = known.first(where: { $0.rawValue == name.lowercased() }) else {
        throw .unknownName(kind: kind, name: String(name), known: known.map(\.rawValue))
      }
      values.insert(value)
    }
    return values
  }
}

extension GraphvizRenderer.Format {
  /// The format that a file name's extension asks for ("graph.PNG" → .png); nil for others.
  public init?(fileName: String) {
    guard let dot = fileName.lastIndex(of: ".") else { return nil }
    self.init(rawValue: fileName[fileName.index(after: dot)...].lowercased())
  }
}
