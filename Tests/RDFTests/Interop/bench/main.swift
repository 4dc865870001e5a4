// Throughput of the RDF writers and the N-Quads reader on synthetic quads. Not part of the
// package build (the folder is excluded); compile it with the RDF sources, optimized:
//
//   swiftc -O -wmo -module-name bench Sources/RDF/*.swift Tests/RDFTests/Interop/bench/main.swift -o /tmp/rdf-bench
//   /tmp/rdf-bench                      # each format, 200,000 quads, median of 5 runs, in memory
//   /usr/bin/time -f "%e s, %M KB" /tmp/rdf-bench write /tmp/big.nq   # 2,000,000 quads to a file
//   /usr/bin/time -f "%e s, %M KB" /tmp/rdf-bench count /tmp/big.nq   # stream them back
//
// The machine is shared: quote medians and the load average next to any figure.

#if canImport(Glibc)
  import Glibc
#endif

struct CountingSink: TextOutputStream {
  var count = 0
  mutating func write(_ string: String) { count &+= string.utf8.count }
}

func now() -> Double {
  var time = timespec()
  clock_gettime(CLOCK_MONOTONIC, &time)
  return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

func rounded(_ value: Double) -> Double { Double(Int(value * 1000)) / 1000 }

let ex = "https://example.org/newsgraph/"

/// Entity-like subjects, 8 predicates, half literals (some with quotes), two thirds in named graphs.
func syntheticQuad(_ i: Int) -> Quad {
  let subject = Subject.iri(IRI(unchecked: ex + "entity/person/p\(i / 8)"))
  let graph: GraphName? = i % 3 == 0 ? nil : .iri(IRI(unchecked: ex + "article/a\(i % 97)"))
  let object: Term =
    i % 2 == 0
    ? .literal(Literal(i % 4 == 0 ? "Label \(i) with \"quotes\"" : "Some label \(i) in plain text"))
    : .iri(IRI(unchecked: ex + "entity/country/c\(i % 50)"))
  return Quad(subject, IRI(unchecked: "https://w3id.org/newsgraph/ns#p\(i % 8)"), object, graph: graph)
}

let arguments = CommandLine.arguments
if arguments.count == 3 && arguments[1] == "write" {
  var output = try FileOutput(path: arguments[2])
  var serializer = NQuadsSerializer()
  let start = now()
  for i in 0..<2_000_000 { serializer.write(syntheticQuad(i), to: &output) }
  serializer.finish(to: &output)
  try output.commit()
  print("wrote 2000000 quads in \(rounded(now() - start)) s")
  exit(0)
}
if arguments.count == 3 && arguments[1] == "count" {
  let reader = try NQuadsReader(path: arguments[2])
  var count = 0
  let start = now()
  while try reader.next() != nil { count += 1 }
  let seconds = now() - start
  print("streamed \(count) quads in \(rounded(seconds)) s: \(Int(Double(count) / seconds)) quads/s")
  exit(0)
}

let count = 200_000
let quads = (0..<count).map(syntheticQuad).sorted()
let prefixes = PrefixMap([
  ("ng", "https://w3id.org/newsgraph/ns#"), ("person", ex + "entity/person/"),
  ("country", ex + "entity/country/"),
  ("article", ex + "article/"),
])
for format in RDFFormat.allCases {
  var times: [Double] = []
  var bytes = 0
  for _ in 0..<5 {
    var sink = CountingSink()
    let start = now()
    format.write(quads, prefixes: prefixes, to: &sink)
    times.append(now() - start)
    bytes = sink.count
  }
  times.sort()
  print(
    "\(format.rawValue): median \(rounded(times[2])) s, \(Int(Double(count) / times[2])) quads/s, \(bytes) bytes"
  )
}
var text = ""
RDFFormat.nquads.write(quads, prefixes: prefixes, to: &text)
let lines = text.split(separator: "\n").map(String.init)
var times: [Double] = []
for _ in 0..<5 {
  var parser = NQuadsParser()
  let start = now()
  var parsed = 0
  for (index, line) in lines.enumerated() where try parser.parse(line: line, lineNumber: index + 1) != nil {
    parsed += 1
  }
  times.append(now() - start)
  precondition(parsed == count)
}
times.sort()
print("parse nq: median \(rounded(times[2])) s, \(Int(Double(count) / times[2])) quads/s")
