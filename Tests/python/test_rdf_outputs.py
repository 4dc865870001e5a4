"""Our RDF output, checked by the tools people load it with: rdflib, pyld, pyoxigraph, pySHACL."""
import json

import pyoxigraph
import pytest
from pyld import jsonld
from pyshacl import validate
from rdflib import Dataset, Graph, Namespace, RDF
from rdflib.compare import isomorphic

from conftest import ROOT

NG = Namespace("https://w3id.org/newsgraph/ns#")


def load_turtle(output):
    graph = Graph()
    graph.parse(output / "graph.ttl", format="turtle")
    return graph


def test_rdflib_parses_every_triple_format(example_output):
    turtle = load_turtle(example_output)
    ntriples = Graph().parse(example_output / "graph.nt", format="nt")
    assert len(turtle) > 50
    assert len(ntriples) == len(turtle)


@pytest.mark.parametrize("name,fmt", [("graph.nq", "nquads"), ("graph.trig", "trig")])
def test_rdflib_parses_datasets_with_one_named_graph_per_article(example_output, name, fmt):
    dataset = Dataset()
    dataset.parse(example_output / name, format=fmt)
    named = [g for g in dataset.graphs() if g.identifier != dataset.default_graph.identifier and len(g) > 0]
    articles = set(load_turtle(example_output).subjects(RDF.type, Namespace("https://schema.org/").NewsArticle))
    assert len(articles) == 5  # examples/: one text file and four JSON Lines rows
    assert {g.identifier for g in named} == articles


def test_dataset_union_equals_turtle_graph(example_output):
    dataset = Dataset()
    dataset.parse(example_output / "graph.nq", format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, load_turtle(example_output))


def test_turtle_and_ntriples_are_isomorphic(example_output):
    ntriples = Graph().parse(example_output / "graph.nt", format="nt")
    assert isomorphic(load_turtle(example_output), ntriples)


def test_jsonld_through_pyld_is_isomorphic_to_turtle(example_output):
    document = json.loads((example_output / "graph.jsonld").read_text(encoding="utf-8"))
    assert isinstance(document["@context"], dict), "the context must be embedded, not fetched"
    nquads = jsonld.to_rdf(document, {"format": "application/n-quads"})
    from_jsonld = Graph().parse(data=nquads, format="nquads")
    assert isomorphic(from_jsonld, load_turtle(example_output))


@pytest.mark.parametrize(
    "name,fmt",
    [
        ("graph.ttl", pyoxigraph.RdfFormat.TURTLE),
        ("graph.nt", pyoxigraph.RdfFormat.N_TRIPLES),
        ("graph.nq", pyoxigraph.RdfFormat.N_QUADS),
        ("graph.trig", pyoxigraph.RdfFormat.TRIG),
        ("graph.jsonld", pyoxigraph.RdfFormat.JSON_LD),
    ],
)
def test_pyoxigraph_loads_every_format(example_output, name, fmt):
    store = pyoxigraph.Store()
    store.load(path=str(example_output / name), format=fmt)
    assert len(store) == len(load_turtle(example_output)) or fmt in (
        pyoxigraph.RdfFormat.N_QUADS,
        pyoxigraph.RdfFormat.TRIG,
    )
    assert len(store) >= len(load_turtle(example_output))


def test_shacl_shapes_find_no_violation(example_output):
    shapes = Graph().parse(ROOT / "schemas" / "shapes.ttl", format="turtle")
    conforms, _, report = validate(load_turtle(example_output), shacl_graph=shapes, inference="none")
    assert conforms, report


def test_shacl_shapes_catch_a_statement_without_evidence(example_output):
    data = load_turtle(example_output)
    statement = next(data.subjects(RDF.type, NG.Statement))
    data.remove((statement, NG.evidence, None))
    shapes = Graph().parse(ROOT / "schemas" / "shapes.ttl", format="turtle")
    conforms, _, _ = validate(data, shacl_graph=shapes, inference="none")
    assert not conforms


def test_ontology_parses_and_declares_the_terms_we_use(example_output):
    ontology = Graph().parse(ROOT / "schemas" / "newsgraph.ttl", format="turtle")
    declared = set(ontology.subjects())
    used = {p for p in load_turtle(example_output).predicates() if str(p).startswith(str(NG))}
    used |= {o for o in load_turtle(example_output).objects(None, RDF.type) if str(o).startswith(str(NG))}
    assert used <= declared, used - declared
