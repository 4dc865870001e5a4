import Foundation

/// Canonical keys and slugs for names, shared by extraction and the graph.
public enum NameNormalizer {
  /// A lowercase ASCII-folded slug: letters and digits kept, every other run becomes one `-`.
  /// "Kim Jong-un" → `kim-jong-un`, "U.S." → `u-s`, "Côte d'Ivoire" → `cote-d-ivoire`.
  public static func slug(_ name: String) -> String {
    var result = ""
    var pendingDash = false
    let folded = name.applyingFolding()
    for scalar in folded.unicodeScalars {
      if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
        if pendingDash && !result.isEmpty { result.append("-") }
        pendingDash = false
        result.unicodeScalars.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
      } else {
        pendingDash = true
      }
    }
    return result
  }

  /// The entity key for a name of a type: `person:lloyd-austin`.
  public static func key(type: EntityType, name: String) -> String {
    "\(type.rawValue):\(slug(name))"
  }
}

extension String {
  /// Drops combining marks after canonical decomposition: "Côte" → "Cote".
  fileprivate func applyingFolding() -> String {
    var view = String.UnicodeScalarView()
    for scalar in self.decomposedStringWithCanonicalMapping.unicodeScalars
    where scalar.properties.generalCategory != .nonspacingMark {
      view.append(scalar)
    }
    return String(view)
  }
}
