#!/usr/bin/env python3
"""Checks NewsGraph's RDF output with the tools people use: rdflib, pyld, Oxigraph, pySHACL.

Usage (from the package root, with the project's checking venv):
    mkdir -p /tmp/ng-interop
    NEWSGRAPH_DUMP=/tmp/ng-interop swift test --filter sameGraphGivesByteIdenticalOutputInEveryFormat
    /tmp/ngvenv/bin/python Tests/RDFTests/Interop/check.py /tmp/ng-interop/mapped schemas/shapes.ttl

    # the writer goldens (no SHACL):
    /tmp/ngvenv/bin/python Tests/RDFTests/Interop/check.py Tests/RDFTests/Golden/sample

STEM.{nt,ttl,nq,trig,jsonld} must exist. Exits 1 if any check fails.
"""
import json
import logging
import sys

import pyoxigraph as ox
import rdflib
from pyld import jsonld
from rdflib.compare import isomorphic

logging.disable(logging.CRITICAL)  # rdflib warns about ill-typed literals in the goldens on purpose
stem = sys.argv[1]
shapes = sys.argv[2] if len(sys.argv) > 2 else None
failures = []


def check(name, ok):
    print(("ok   " if ok else "FAIL ") + name)
    if not ok:
        failures.append(name)


nt = rdflib.Graph().parse(stem + ".nt", format="nt")
ttl = rdflib.Graph().parse(stem + ".ttl", format="turtle")
js = rdflib.Graph().parse(stem + ".jsonld", format="json-ld")
nq = rdflib.Dataset().parse(stem + ".nq", format="nquads")
trig = rdflib.Dataset().parse(stem + ".trig", format="trig")
check(f"rdflib parses all five formats ({len(nt)} triples)", len(nt) > 0)
check("N-Triples and Turtle are isomorphic", isomorphic(nt, ttl))
check("Turtle and JSON-LD (rdflib) are isomorphic", isomorphic(ttl, js))


def graphs(dataset):
    out = {}
    for s, p, o, c in dataset.quads((None, None, None, None)):
        out.setdefault(str(c), rdflib.Graph()).add((s, p, o))
    return out


a, b = graphs(nq), graphs(trig)
check(f"N-Quads and TriG have the same {len(a)} graphs, each isomorphic",
      a.keys() == b.keys() and all(isomorphic(a[k], b[k]) for k in a))
union = rdflib.Graph()
for s, p, o, _ in nq.quads((None, None, None, None)):
    union.add((s, p, o))
check("the union of the N-Quads graphs is the N-Triples graph", isomorphic(union, nt))

document = json.load(open(stem + ".jsonld"))
expanded = jsonld.to_rdf(document, {"format": "application/n-quads"})
check("pyld.jsonld.to_rdf of the JSON-LD is isomorphic to the Turtle",
      isomorphic(ttl, rdflib.Graph().parse(data=expanded, format="nt")))

for ext, fmt in [("nt", ox.RdfFormat.N_TRIPLES), ("nq", ox.RdfFormat.N_QUADS), ("ttl", ox.RdfFormat.TURTLE),
                 ("trig", ox.RdfFormat.TRIG), ("jsonld", getattr(ox.RdfFormat, "JSON_LD", None))]:
    if fmt is None:
        continue
    store = ox.Store()
    try:
        store.load(path=f"{stem}.{ext}", format=fmt)
        check(f"Oxigraph loads .{ext} ({len(store)} quads)", len(store) > 0)
    except Exception as error:  # noqa: BLE001 - report any parser failure
        check(f"Oxigraph loads .{ext}: {error}", False)

if shapes:
    from pyshacl import validate

    for ext, fmt in [("ttl", "turtle"), ("jsonld", "json-ld"), ("nq", "nquads")]:
        data = rdflib.Dataset().parse(f"{stem}.{ext}", format=fmt) if ext == "nq" else \
            rdflib.Graph().parse(f"{stem}.{ext}", format=fmt)
        conforms, _, text = validate(data, shacl_graph=shapes)
        check(f"pySHACL: .{ext} conforms to {shapes}", conforms)
        if not conforms:
            print(text)

    # The shapes must catch a broken statement: no evidence, confidence 1.5.
    NG = rdflib.Namespace("https://w3id.org/newsgraph/ns#")
    broken = rdflib.Graph().parse(f"{stem}.ttl", format="turtle")
    statement = next(broken.subjects(rdflib.RDF.type, NG.Statement))
    broken.remove((statement, NG.evidence, None))
    broken.set((statement, NG.confidence, rdflib.Literal("1.5", datatype=rdflib.XSD.decimal)))
    conforms, report, _ = validate(broken, shacl_graph=shapes)
    SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    paths = {report.value(result, SH.resultPath) for result in report.subjects(rdflib.RDF.type, SH.ValidationResult)}
    check("pySHACL reports a statement without evidence and with confidence 1.5",
          not conforms and NG.evidence in paths and NG.confidence in paths)

sys.exit(1 if failures else 0)
