import Extraction
import RDF

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#elseif canImport(Musl)
  import Musl
#endif

/// Failures of mapping a graph to RDF and back.
public enum RDFMappingError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The base IRI given by the user cannot prefix our data IRIs.
  case invalidBaseIRI(String, reason: String)
  /// An RDF file is not a graph NewsGraph wrote; `source` names the file.
  case unreadableGraph(source: String, reason: String)

  public var description: String {
    switch self {
    case .invalidBaseIRI(let value, let reason): "invalid base IRI \(value.debugDescription): \(reason)"
    case .unreadableGraph(let source, let reason): "\(source): not a NewsGraph graph: \(reason)"
    }
  }
}

/// Maps a ``KnowledgeGraph`` to RDF quads under the NewsGraph ontology (schemas/newsgraph.ttl).
///
/// Every IRI is minted from a stable key and can be read back (see ``GraphReader``):
/// - entities: `{base}entity/{type}/{slug}` from the key `type:slug`;
/// - articles: `{base}article/{id}`;
/// - statements: `{base}statement/{16 hex digits}`, a 64-bit FNV-1a hash of
///   `subject|predicate|object|article|sentence|start,end`;
/// - merged edges (`ng:Relation`): `{base}relation/{16 hex digits}`, the same hash of
///   `subject|predicate|object`;
/// - evidence: `{article}#char={start},{end}` (RFC 5147).
///
/// Key parts are percent-encoded outside the URI unreserved characters, so that the mapping is
/// one-to-one and IRIs never change for an existing entity.
public struct RDFMapping: Sendable, Hashable {
  public static let defaultBaseIRI = "https://example.org/newsgraph/"

  /// Ends with `/`.
  public let baseIRI: String

  /// Validates `baseIRI`: an absolute IRI without query or fragment; a missing final `/` is added.
  public init(baseIRI: String = RDFMapping.defaultBaseIRI) throws(RDFMappingError) {
    guard IRI.isValid(baseIRI) else {
      throw .invalidBaseIRI(
        baseIRI, reason: "not an absolute IRI (scheme, ':', and no spaces or <>\"{}|^`\\)")
    }
    guard !baseIRI.contains("#"), !baseIRI.contains("?") else {
      throw .invalidBaseIRI(
        baseIRI, reason: "it must not contain '#' or '?', since data IRIs are appended to it")
    }
    self.baseIRI = baseIRI.hasSuffix("/") ? baseIRI : baseIRI + "/"
  }

  // MARK: - Vocabulary

  /// The vocabulary prefixes of our output.
  public static let prefixes = PrefixMap([
    ("ng", NG.ns), ("ngr", NGR.ns), ("schema", Schema.ns), ("prov", PROV.ns), ("wd", WD.ns),
    ("rdf", RDFVocabulary.ns), ("rdfs", RDFS.ns), ("owl", OWL.ns), ("xsd", XSD.ns),
  ])

  /// ``prefixes`` plus prefixes for the data IRIs of `graph` under the base: `article:`,
  /// `statement:`, and one per entity type in use, so that `person:lloyd-austin` reads like its
  /// key. Used for Turtle and TriG.
  public func dataPrefixes(for graph: KnowledgeGraph) -> PrefixMap {
    var map = Self.prefixes
    map.add("article", baseIRI + "article/")
    map.add("statement", baseIRI + "statement/")
    if !graph.relations.isEmpty { map.add("relation", baseIRI + "relation/") }
    var keys = Set(graph.entities.map(\.key))
    for relation in graph.relations {
      keys.insert(relation.subject)
      keys.insert(relation.object)
    }
    let types = Set(keys.compactMap { key in key.firstIndex(of: ":").map { String(key[..<$0]) } })
    for type in EntityType.allCases where types.contains(type.rawValue) {
      map.add(type.rawValue, baseIRI + "entity/" + type.rawValue + "/")
    }
    return map
  }

  /// The JSON-LD context, the source of truth for `schemas/context.jsonld`.
  public static let jsonLDContext = JSONLDContext(
    prefixes: prefixes,
    terms: [
      .init("identifier", Schema.identifier),
      .init("headline", Schema.headline),
      .init("url", Schema.url, coercion: .datatype(XSD.anyURI)),
      .init("datePublished", Schema.datePublished),
      .init("sourceFile", NG.sourceFile),
      .init("label", RDFS.label),
      .init("comment", RDFS.comment),
      .init("key", NG.key),
      .init("alias", NG.alias),
      .init("sameAs", OWL.sameAs, coercion: .id),
      .init("jobTitle", Schema.jobTitle),
      .init("affiliation", Schema.affiliation, coercion: .id),
      .init("mentionCount", NG.mentionCount, coercion: .datatype(XSD.integer)),
      .init("mentionedIn", NG.mentionedIn, coercion: .id),
      .init("subject", RDFVocabulary.subject, coercion: .id),
      .init("predicate", RDFVocabulary.predicate, coercion: .id),
      .init("object", RDFVocabulary.object, coercion: .id),
      .init("relationClass", NG.relationClass),
      .init("modality", NG.modality, coercion: .id),
      .init("polarity", NG.polarity, coercion: .id),
      .init("confidence", NG.confidence, coercion: .datatype(XSD.decimal)),
      .init("wasAttributedTo", PROV.wasAttributedTo, coercion: .id),
      .init("wasDerivedFrom", PROV.wasDerivedFrom, coercion: .id),
      .init("evidence", NG.evidence, coercion: .id),
      .init("article", NG.article, coercion: .id),
      .init("sentenceIndex", NG.sentenceIndex, coercion: .datatype(XSD.integer)),
      .init("charStart", NG.charStart, coercion: .datatype(XSD.integer)),
      .init("charEnd", NG.charEnd, coercion: .datatype(XSD.integer)),
      .init("text", NG.text),
      .init("statement", NG.statement, coercion: .id),
      .init("support", NG.support, coercion: .datatype(XSD.integer)),
      .init("firstDate", NG.firstDate, coercion: .datatype(XSD.date)),
      .init("lastDate", NG.lastDate, coercion: .datatype(XSD.date)),
      .init("contested", NG.contested, coercion: .datatype(XSD.boolean)),
    ])

  /// The class of each entity type besides `ng:Entity`; `unknown` has none.
  public static func entityClass(_ type: EntityType) -> IRI? {
    switch type {
    case .person: Schema.Person
    case .organization: Schema.Organization
    case .country: Schema.Country
    case .city: Schema.City
    case .place: Schema.Place
    case .group: NG.Group
    case .concept: NG.Concept
    case .unknown: nil
    }
  }

  public static func modalityIRI(_ modality: Modality) -> IRI {
    switch modality {
    case .asserted: NG.Asserted
    case .reported: NG.Reported
    case .possible: NG.Possible
    case .hypothetical: NG.Hypothetical
    case .speculated: NG.Speculated
    }
  }

  public static func polarityIRI(_ polarity: Polarity) -> IRI {
    polarity == .positive ? NG.Positive : NG.Negative
  }

  // MARK: - Minting IRIs

  /// `{base}entity/{type}/{slug}` for the key `type:slug` (`{base}entity/{key}` for a key without `:`).
  public func entityIRI(_ key: String) -> IRI {
    IRI(unchecked: baseIRI + Self.entityPath(key))
  }

  /// `{base}article/{id}`.
  public func articleIRI(_ id: String) -> IRI {
    IRI(unchecked: baseIRI + Self.articlePath(id))
  }

  /// The part of an entity IRI after the base.
  static func entityPath(_ key: String) -> String {
    guard let colon = key.firstIndex(of: ":") else { return "entity/" + percentEncode(key[...]) }
    return "entity/" + percentEncode(key[..<colon]) + "/" + percentEncode(key[key.index(after: colon)...])
  }

  /// The part of an article IRI after the base.
  static func articlePath(_ id: String) -> String { "article/" + percentEncode(id[...]) }

  /// `{base}statement/{hash}` for one statement of a relation.
  public func statementIRI(_ relation: GraphRelation, _ statement: GraphStatement) -> IRI {
    // The hash of `subject|predicate|object|article|sentence|start,end`, fed part by part.
    var hash = Self.fnv1a64Basis
    Self.fnv1a64(relation.subject, into: &hash)
    Self.fnv1a64("|", into: &hash)
    Self.fnv1a64(relation.predicate, into: &hash)
    Self.fnv1a64("|", into: &hash)
    Self.fnv1a64(relation.object, into: &hash)
    Self.fnv1a64("|", into: &hash)
    Self.fnv1a64(statement.article, into: &hash)
    Self.fnv1a64("|", into: &hash)
    Self.fnv1a64(String(statement.sentence), into: &hash)
    Self.fnv1a64("|", into: &hash)
    Self.fnv1a64(String(statement.span.lowerBound), into: &hash)
    Self.fnv1a64(",", into: &hash)
    Self.fnv1a64(String(statement.span.upperBound), into: &hash)
    return IRI(unchecked: baseIRI + "statement/" + Self.hex16(hash))
  }

  /// `{base}relation/{hash}` for a merged edge.
  public func relationIRI(_ relation: GraphRelation) -> IRI {
    let identity = "\(relation.subject)|\(relation.predicate)|\(relation.object)"
    return IRI(unchecked: baseIRI + "relation/" + Self.hex16(Self.fnv1a64(identity)))
  }

  /// `{article}#char={start},{end}`: the evidence span. https://www.rfc-editor.org/rfc/rfc5147
  public func evidenceIRI(_ statement: GraphStatement) -> IRI {
    Self.evidenceIRI(article: articleIRI(statement.article), statement)
  }

  /// ``evidenceIRI(_:)`` from the IRI of the statement's article.
  static func evidenceIRI(article: IRI, _ statement: GraphStatement) -> IRI {
    IRI(
      unchecked: article.value + "#char=" + String(statement.span.lowerBound) + ","
        + String(statement.span.upperBound))
  }

  /// `ngr:{predicate}`.
  public static func predicateIRI(_ predicate: String) -> IRI {
    IRI(unchecked: NGR.ns + percentEncode(predicate[...]))
  }

  /// `wd:{item}`.
  public static func wikidataIRI(_ item: String) -> IRI {
    IRI(unchecked: WD.ns + percentEncode(item[...]))
  }

  // MARK: - Reading IRIs back

  /// The entity key an entity IRI was minted from, or `nil` if it is not one of ours.
  public func entityKey(from iri: IRI) -> String? {
    guard let path = Self.suffix(of: iri.value, after: baseIRI + "entity/") else { return nil }
    let parts = path.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return Self.percentDecode(parts[0])
    case 2:
      guard let type = Self.percentDecode(parts[0]), let slug = Self.percentDecode(parts[1]) else {
        return nil
      }
      return type + ":" + slug
    default: return nil
    }
  }

  /// The article id an article IRI was minted from.
  public func articleID(from iri: IRI) -> String? {
    guard let path = Self.suffix(of: iri.value, after: baseIRI + "article/"), !path.contains("/"),
      !path.contains("#")
    else { return nil }
    return Self.percentDecode(path)
  }

  /// The predicate an `ngr:` IRI was minted from.
  public static func predicate(from iri: IRI) -> String? {
    suffix(of: iri.value, after: NGR.ns).flatMap(percentDecode)
  }

  // MARK: - Mapping

  /// All quads of the graph, sorted canonically (default graph first) and without duplicates.
  /// With `parts` above 1, that many cores share the work; the quads are the same.
  public func quads(for graph: KnowledgeGraph, parts: Int = 1) -> [Quad] {
    var quads = unsortedQuads(for: graph, parts: parts)
    quads.sortCanonically(parts: parts)
    return quads
  }

  /// ``quads(for:parts:)`` and their `unionOrder()`, the order of the syntaxes without graph
  /// names, found from one ranking of the terms instead of two.
  public func quadsWithUnionOrder(for graph: KnowledgeGraph, parts: Int = 1) -> (
    quads: [Quad], unionOrder: [Int]
  ) {
    var quads = unsortedQuads(for: graph, parts: parts)
    let unionOrder = quads.sortCanonicallyWithUnionOrder(parts: parts)
    return (quads, unionOrder)
  }

  /// Writes the graph in `format`: Turtle and TriG with ``dataPrefixes(for:)``, JSON-LD under
  /// ``jsonLDContext`` embedded inline.
  public func write(_ graph: KnowledgeGraph, format: RDFFormat, to output: inout some TextOutputStream) {
    format.write(
      quads(for: graph), prefixes: dataPrefixes(for: graph), context: Self.jsonLDContext, to: &output)
  }

  /// The quads in the order they are minted, with duplicates (the sort drops them).
  ///
  /// With `parts` above 1, the relations are cut into that many parts of about as many quads (the
  /// first part also has the articles and entities), minted side by side, each part into its own
  /// stretch of the array, which are then moved together. A part's quads repeat some of another's
  /// (an entity's IRI, a predicate's label): the sort drops those too.
  func unsortedQuads(for graph: KnowledgeGraph, parts requested: Int = 1) -> [Quad] {
    let relations = graph.relations
    // At least as many quads as the mapping makes (a few more when optional values are missing).
    var fixedBound = graph.articles.count * 6
    for entity in graph.entities { fixedBound += 8 + entity.aliases.count + entity.articles.count }
    let relationBounds = relations.map { 10 + 20 * $0.statements.count }
    let total = relationBounds.reduce(fixedBound, +)
    guard total > 0 else { return [] }
    // A part of fewer relations than this is not worth a thread.
    let parts = max(1, min(requested, relations.count / 2_048))
    var cuts = [0]
    var minted = fixedBound
    for (index, bound) in relationBounds.enumerated() where cuts.count < parts {
      if minted >= total * cuts.count / parts { cuts.append(index) }
      minted += bound
    }
    while cuts.count <= parts { cuts.append(relations.count) }
    // Each part's stretch of the array: room for its bound.
    var starts = [0]
    for part in 0..<parts {
      let bound = relationBounds[cuts[part]..<cuts[part + 1]].reduce(part == 0 ? fixedBound : 0, +)
      starts.append(starts[part] + bound)
    }
    return [Quad](unsafeUninitializedCapacity: total) { buffer, initialized in
      let base = buffer.baseAddress!
      var counts = [Int](repeating: 0, count: parts)
      counts.withUnsafeMutableBufferPointer { counts in
        inParallel(parts) { part in
          var quads = QuadStretch(start: base + starts[part], capacity: starts[part + 1] - starts[part])
          var iris = MintedIRIs(mapping: self)
          if part == 0 {
            for article in graph.articles { addArticle(article, iris: &iris, to: &quads) }
            for entity in graph.entities { addEntity(entity, iris: &iris, to: &quads) }
          }
          var evidence = Set<EvidenceNode>()
          var predicates = Set<String>()
          for relation in relations[cuts[part]..<cuts[part + 1]] {
            predicates.insert(relation.predicate)
            let statements = relation.statements.map { statementIRI(relation, $0) }
            addRelation(relation, statementIRIs: statements, iris: &iris, evidence: &evidence, to: &quads)
            addEdge(
              relation, statementIRIs: statements, dates: graph.dates(of: relation), iris: &iris, to: &quads)
          }
          for predicate in predicates {
            quads.append(Quad(.iri(iris.predicate(predicate)), RDFS.label, .literal(Literal(predicate))))
          }
          counts[part] = quads.count
        }
      }
      // The stretches moved together, closing the room left over behind each.
      var end = counts[0]
      for part in 1..<parts {
        (base + end).moveInitialize(from: base + starts[part], count: counts[part])
        end += counts[part]
      }
      initialized = end
      // The memory the last stretches moved out of is handed back: it would otherwise stay
      // resident, unused, for as long as the quads live.
      if parts > 1 {
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let first = (Int(bitPattern: base + end) + page - 1) / page * page
        let last = Int(bitPattern: base + starts[parts - 1] + counts[parts - 1]) / page * page
        if last > first {
          _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, MADV_DONTNEED)
        }
      }
    }
  }

  func addArticle(_ article: ArticleInfo, iris: inout MintedIRIs, to quads: inout QuadStretch) {
    let node = Subject.iri(iris.article(article.id))
    quads.append(Quad(node, RDFVocabulary.type, .iri(Schema.NewsArticle)))
    quads.append(Quad(node, Schema.identifier, .literal(Literal(article.id))))
    if let title = article.title { quads.append(Quad(node, Schema.headline, .literal(Literal(title)))) }
    if let url = article.url {
      quads.append(Quad(node, Schema.url, .literal(Literal(url, datatype: XSD.anyURI))))
    }
    if let date = article.date {
      quads.append(Quad(node, Schema.datePublished, .literal(Self.dateLiteral(date))))
    }
    quads.append(Quad(node, NG.sourceFile, .literal(Literal(article.source))))
  }

  func addEntity(_ entity: GraphEntity, iris: inout MintedIRIs, to quads: inout QuadStretch) {
    let node = Subject.iri(iris.entity(entity.key))
    quads.append(Quad(node, RDFVocabulary.type, .iri(NG.Entity)))
    if let type = Self.entityClass(entity.type) { quads.append(Quad(node, RDFVocabulary.type, .iri(type))) }
    quads.append(Quad(node, RDFS.label, .literal(Literal(entity.label))))
    quads.append(Quad(node, NG.key, .literal(Literal(entity.key))))
    for alias in entity.aliases { quads.append(Quad(node, NG.alias, .literal(Literal(alias)))) }
    if let item = entity.wikidata { quads.append(Quad(node, OWL.sameAs, .iri(Self.wikidataIRI(item)))) }
    if let title = entity.jobTitle { quads.append(Quad(node, Schema.jobTitle, .literal(Literal(title)))) }
    if let affiliation = entity.affiliation {
      quads.append(Quad(node, Schema.affiliation, .iri(iris.entity(affiliation))))
    }
    quads.append(Quad(node, NG.mentionCount, .literal(Literal(integer: entity.mentionCount))))
    for article in entity.articles { quads.append(Quad(node, NG.mentionedIn, .iri(iris.article(article)))) }
  }

  /// The statements of `relation`, each in its article's graph; `statementIRIs` are their
  /// ``statementIRI(_:_:)``, in order.
  ///
  /// Quads that an earlier statement already made are not made again (the sort would drop them):
  /// the plain triple once per article, and an evidence node once per span, sentence and text,
  /// since statements of one sentence share their evidence. `evidence` holds those made so far.
  func addRelation(
    _ relation: GraphRelation, statementIRIs: [IRI], iris: inout MintedIRIs,
    evidence evidenceMade: inout Set<EvidenceNode>, to quads: inout QuadStretch
  ) {
    let subject = iris.entity(relation.subject)
    let predicate = iris.predicate(relation.predicate)
    let object = iris.entity(relation.object)
    var articlesWithTriple = Set<String>()
    for (statement, node) in zip(relation.statements, statementIRIs) {
      let article = iris.article(statement.article)
      let graph = GraphName.iri(article)
      func add(_ s: IRI, _ p: IRI, _ o: Term) { quads.append(Quad(.iri(s), p, o, graph: graph)) }

      if relation.statements.count == 1 || articlesWithTriple.insert(statement.article).inserted {
        add(subject, predicate, .iri(object))
      }

      let evidence = Self.evidenceIRI(article: article, statement)
      add(node, RDFVocabulary.type, .iri(NG.Statement))
      add(node, RDFVocabulary.subject, .iri(subject))
      add(node, RDFVocabulary.predicate, .iri(predicate))
      add(node, RDFVocabulary.object, .iri(object))
      if let relationClass = relation.relationClass {
        add(node, NG.relationClass, .literal(Literal(relationClass)))
      }
      add(node, NG.modality, .iri(Self.modalityIRI(statement.modality)))
      add(node, NG.polarity, .iri(Self.polarityIRI(statement.polarity)))
      add(node, NG.confidence, .literal(Literal(Self.decimal(statement.confidence), datatype: XSD.decimal)))
      if let attribution = statement.attribution {
        add(node, PROV.wasAttributedTo, .iri(iris.entity(attribution)))
      }
      add(node, PROV.wasDerivedFrom, .iri(article))
      add(node, NG.evidence, .iri(evidence))

      guard
        evidenceMade.insert(
          EvidenceNode(iri: evidence.value, sentence: statement.sentence, text: statement.evidence)
        )
        .inserted
      else { continue }
      add(evidence, RDFVocabulary.type, .iri(NG.Evidence))
      add(evidence, NG.article, .iri(article))
      add(evidence, NG.sentenceIndex, .literal(Literal(integer: statement.sentence)))
      add(evidence, NG.charStart, .literal(Literal(integer: statement.span.lowerBound)))
      add(evidence, NG.charEnd, .literal(Literal(integer: statement.span.upperBound)))
      add(evidence, NG.text, .literal(Literal(statement.evidence)))
    }
  }

  /// The merged edge, in the default graph: its triple, support, sources, first and last
  /// publication days, whether it is contested, and a link to each statement (which carries
  /// that source's modality and polarity).
  func addEdge(
    _ relation: GraphRelation, statementIRIs: [IRI], dates: (first: String, last: String)?,
    iris: inout MintedIRIs, to quads: inout QuadStretch
  ) {
    let node = Subject.iri(relationIRI(relation))
    quads.append(Quad(node, RDFVocabulary.type, .iri(NG.Relation)))
    quads.append(Quad(node, RDFVocabulary.subject, .iri(iris.entity(relation.subject))))
    quads.append(Quad(node, RDFVocabulary.predicate, .iri(iris.predicate(relation.predicate))))
    quads.append(Quad(node, RDFVocabulary.object, .iri(iris.entity(relation.object))))
    if let relationClass = relation.relationClass {
      quads.append(Quad(node, NG.relationClass, .literal(Literal(relationClass))))
    }
    quads.append(Quad(node, NG.support, .literal(Literal(integer: relation.support))))
    quads.append(Quad(node, NG.contested, .literal(Literal(boolean: relation.isContested))))
    if let dates {
      quads.append(Quad(node, NG.firstDate, .literal(Literal(dates.first, datatype: XSD.date))))
      quads.append(Quad(node, NG.lastDate, .literal(Literal(dates.last, datatype: XSD.date))))
    }
    for article in Set(relation.statements.map(\.article)) {
      quads.append(Quad(node, PROV.wasDerivedFrom, .iri(iris.article(article))))
    }
    for statement in statementIRIs {
      quads.append(Quad(node, NG.statement, .iri(statement)))
    }
  }

  // MARK: - Literals

  /// An `xsd:decimal` lexical form rounded to at most 3 decimals, with at least one digit after
  /// the point (`0.85`, `1.0`); non-finite values become `0.0`.
  public static func decimal(_ value: Double) -> String {
    guard value.isFinite, abs(value) < 1e15 else { return "0.0" }
    let thousandths = Int((value * 1000).rounded())
    let magnitude = thousandths.magnitude
    var fraction = String(magnitude % 1000)
    fraction = String(repeating: "0", count: 3 - fraction.count) + fraction
    while fraction.count > 1 && fraction.hasSuffix("0") { fraction.removeLast() }
    return (thousandths < 0 ? "-" : "") + String(magnitude / 1000) + "." + fraction
  }

  /// `xsd:date` for `YYYY-MM-DD`, `xsd:dateTime` for a valid timestamp, else a plain string.
  public static func dateLiteral(_ value: String) -> Literal {
    let bytes = Array(value.utf8)
    if isDate(bytes[...]) {
      if bytes.count == 10 { return Literal(value, datatype: XSD.date) }
      if isTime(bytes[10...]) { return Literal(value, datatype: XSD.dateTime) }
    }
    return Literal(value)
  }

  /// `YYYY-MM-DD` at the start of `bytes`, with a real month and day.
  static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
    guard bytes.count >= 10 else { return false }
    let start = bytes.startIndex
    guard let year = number(bytes[start..<start + 4]), bytes[start + 4] == UInt8(ascii: "-"),
      let month = number(bytes[start + 5..<start + 7]), bytes[start + 7] == UInt8(ascii: "-"),
      let day = number(bytes[start + 8..<start + 10]), (1...12).contains(month)
    else { return false }
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    return (1...days).contains(day)
  }

  /// `Thh:mm:ss(.s+)?(Z|(+|-)hh:mm)?`
  static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
    var index = bytes.startIndex
    guard bytes.count >= 9, bytes[index] == UInt8(ascii: "T"),
      let hour = number(bytes[index + 1..<index + 3]), bytes[index + 3] == UInt8(ascii: ":"),
      let minute = number(bytes[index + 4..<index + 6]), bytes[index + 6] == UInt8(ascii: ":"),
      let second = number(bytes[index + 7..<index + 9]), hour < 24, minute < 60, second < 60
    else { return false }
    index += 9
    if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
      index += 1
      let digitsStart = index
      while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) { index += 1 }
      if index == digitsStart { return false }
    }
    if index == bytes.endIndex { return true }
    if bytes[index] == UInt8(ascii: "Z") { return index + 1 == bytes.endIndex }
    guard bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"), bytes.endIndex - index == 6,
      let zoneHour = number(bytes[index + 1..<index + 3]), bytes[index + 3] == UInt8(ascii: ":"),
      let zoneMinute = number(bytes[index + 4..<index + 6])
    else { return false }
    return zoneHour <= 14 && zoneMinute < 60
  }

  static func number(_ digits: ArraySlice<UInt8>) -> Int? {
    var value = 0
    for byte in digits {
      guard (0x30...0x39).contains(byte) else { return nil }
      value = value * 10 + Int(byte - 0x30)
    }
    return value
  }

  // MARK: - Encoding

  /// Percent-encodes every UTF-8 byte outside the URI unreserved characters (RFC 3986 §2.3);
  /// a segment of dots only is encoded too, since `.` and `..` are path operators.
  static func percentEncode(_ value: Substring) -> String {
    let onlyDots = !value.isEmpty && value.utf8.allSatisfy { $0 == UInt8(ascii: ".") }
    var result = ""
    result.reserveCapacity(value.utf8.count)
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "~"):
        result.unicodeScalars.append(Unicode.Scalar(byte))
      case UInt8(ascii: ".") where !onlyDots:
        result.append(".")
      default:
        let digits = Array("0123456789ABCDEF".unicodeScalars)
        result.append("%")
        result.unicodeScalars.append(digits[Int(byte >> 4)])
        result.unicodeScalars.append(digits[Int(byte & 0xF)])
      }
    }
    return result
  }

  /// Decodes `%XX` sequences; `nil` for a malformed one.
  static func percentDecode(_ value: Substring) -> String? {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(value.utf8.count)
    var iterator = value.utf8.makeIterator()
    while let byte = iterator.next() {
      guard byte == UInt8(ascii: "%") else {
        bytes.append(byte)
        continue
      }
      guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
        return nil
      }
      bytes.append(high << 4 | low)
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
    default: nil
    }
  }

  static func suffix(of value: String, after prefix: String) -> Substring? {
    guard value.utf8.starts(with: prefix.utf8) else { return nil }
    return Substring(value.utf8.dropFirst(prefix.utf8.count))
  }

  /// 64-bit FNV-1a over the UTF-8 bytes. http://www.isthe.com/chongo/tech/comp/fnv/
  static func fnv1a64(_ value: String) -> UInt64 {
    var hash = fnv1a64Basis
    fnv1a64(value, into: &hash)
    return hash
  }

  static let fnv1a64Basis: UInt64 = 0xcbf2_9ce4_8422_2325

  /// Continues `hash` over the UTF-8 bytes of `value`.
  static func fnv1a64(_ value: String, into hash: inout UInt64) {
    var value = value
    value.withUTF8 { bytes in
      for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x0000_0100_0000_01b3
      }
    }
  }

  static func hex16(_ value: UInt64) -> String {
    let hex = String(value, radix: 16)
    return String(repeating: "0", count: 16 - hex.count) + hex
  }
}

/// Quads minted into a stretch of uninitialized memory, which holds at most `capacity`.
struct QuadStretch {
  let start: UnsafeMutablePointer<Quad>
  let capacity: Int
  private(set) var count = 0

  init(start: UnsafeMutablePointer<Quad>, capacity: Int) {
    self.start = start
    self.capacity = capacity
  }

  mutating func append(_ quad: Quad) {
    precondition(count < capacity, "more quads than the mapping's bound")
    (start + count).initialize(to: quad)
    count += 1
  }
}

/// What the quads of an evidence node depend on: its IRI (article and span), sentence and text.
struct EvidenceNode: Hashable {
  let iri: String
  let sentence: Int
  let text: String
}

/// The IRIs of one graph's entities, articles and predicates, each minted once: they stand in
/// many quads, minting (percent-encoding and concatenating) cost more than a lookup, and the
/// quads then share one string per IRI instead of holding a copy each.
struct MintedIRIs {
  let mapping: RDFMapping
  private var entities: [String: IRI] = [:]
  private var articles: [String: IRI] = [:]
  private var predicates: [String: IRI] = [:]

  init(mapping: RDFMapping) { self.mapping = mapping }

  /// ``RDFMapping/entityIRI(_:)``.
  mutating func entity(_ key: String) -> IRI {
    if let known = entities[key] { return known }
    let iri = mapping.entityIRI(key)
    entities[key] = iri
    return iri
  }

  /// ``RDFMapping/articleIRI(_:)``.
  mutating func article(_ id: String) -> IRI {
    if let known = articles[id] { return known }
    let iri = mapping.articleIRI(id)
    articles[id] = iri
    return iri
  }

  /// ``RDFMapping/predicateIRI(_:)``.
  mutating func predicate(_ predicate: String) -> IRI {
    if let known = predicates[predicate] { return known }
    let iri = RDFMapping.predicateIRI(predicate)
    predicates[predicate] = iri
    return iri
  }
}
