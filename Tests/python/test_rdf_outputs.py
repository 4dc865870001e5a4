"""Our RDF output, checked by the tools people load it with: rdflib, pyld, pyoxigraph, pySHACL."""
import json

import pyoxigraph
import pytest
from pyld import jsonld
from pyshacl import validate
from rdflib import XSD, Dataset, Graph, Literal, Namespace, RDF
from rdflib.compare import isomorphic

from conftest import ROOT, run_newsgraph

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


@pytest.mark.parametrize("output", ["example_output", "dated_output"])
def test_shacl_shapes_find_no_violation(output, request):
    shapes = Graph().parse(ROOT / "schemas" / "shapes.ttl", format="turtle")
    conforms, _, report = validate(load_turtle(request.getfixturevalue(output)), shacl_graph=shapes, inference="none")
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


DATED_ARTICLES = [
    {"id": "d1", "date": "2024-10-20", "text": "North Korea supplied Russia with artillery shells, officials said."},
    {"id": "d2", "date": "2024-10-25T08:00:00Z", "text": "North Korea did not supply Russia with artillery shells."},
    {"id": "d3", "date": "2024-10-22", "text": "North Korea may supply Russia with artillery shells, analysts warned."},
    {"id": "d4", "text": "Russia condemned Japan on Friday."},
]


@pytest.fixture(scope="session")
def dated_output(tmp_path_factory):
    """A build of dated articles that assert, deny and hypothesize the same relation, and one undated."""
    folder = tmp_path_factory.mktemp("dated")
    source = folder / "dated.jsonl"
    source.write_text("".join(json.dumps(row) + "\n" for row in DATED_ARTICLES), encoding="utf-8")
    result = run_newsgraph("build", source, "--out", folder / "out", "--quiet", "--formats", "ttl,nq")
    assert result.returncode == 0, result.stderr.decode()
    return folder / "out"


def load_store(output):
    store = pyoxigraph.Store()
    store.load(path=str(output / "graph.nq"), format=pyoxigraph.RdfFormat.N_QUADS)
    return store


PREFIXES = """
PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
"""


@pytest.mark.parametrize("output", ["example_output", "dated_output"])
def test_every_plain_triple_has_one_merged_edge_with_its_support(output, request):
    store = load_store(request.getfixturevalue(output))
    triples = {
        (r["s"].value, r["p"].value, r["o"].value)
        for r in store.query(
            PREFIXES + "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?st a ng:Statement ; rdf:subject ?s ; "
            "rdf:predicate ?p ; rdf:object ?o } }"
        )
    }
    edges = list(
        store.query(
            PREFIXES
            + "SELECT ?s ?p ?o ?support (COUNT(DISTINCT ?article) AS ?articles) WHERE { "
            "?edge a ng:Relation ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; ng:support ?support ; "
            "ng:statement ?st . GRAPH ?g { ?st prov:wasDerivedFrom ?article } } GROUP BY ?s ?p ?o ?support"
        )
    )
    assert {(e["s"].value, e["p"].value, e["o"].value) for e in edges} == triples
    assert all(int(e["support"].value) == int(e["articles"].value) for e in edges)


def test_edge_dates_are_the_earliest_and_latest_publication_days(dated_output):
    store = load_store(dated_output)
    rows = list(
        store.query(
            PREFIXES
            + "SELECT ?edge ?first ?last (MIN(SUBSTR(STR(?date), 1, 10)) AS ?min) "
            "(MAX(SUBSTR(STR(?date), 1, 10)) AS ?max) WHERE { "
            "?edge a ng:Relation ; ng:firstDate ?first ; ng:lastDate ?last ; prov:wasDerivedFrom ?article . "
            "?article schema:datePublished ?date } GROUP BY ?edge ?first ?last"
        )
    )
    assert rows, "the articles are dated, so some edges must carry dates"
    for row in rows:
        assert (row["first"].value, row["last"].value) == (row["min"].value, row["max"].value)
    undated = store.query(
        PREFIXES + "ASK { ?edge a ng:Relation ; prov:wasDerivedFrom ?a . FILTER NOT EXISTS { ?a schema:datePublished ?d } "
        "FILTER EXISTS { ?edge ng:firstDate ?f } }"
    )
    assert not bool(undated), "an edge of undated articles only has no dates"


@pytest.mark.parametrize("output", ["example_output", "dated_output"])
def test_contested_edges_are_exactly_those_whose_statements_disagree(output, request):
    store = load_store(request.getfixturevalue(output))
    disagreeing = {
        r["edge"].value
        for r in store.query(
            PREFIXES
            + "SELECT DISTINCT ?edge WHERE { ?edge a ng:Relation ; ng:statement ?a, ?b . "
            "GRAPH ?g { ?a ng:polarity ?pa ; ng:modality ?ma } GRAPH ?h { ?b ng:polarity ?pb ; ng:modality ?mb } "
            "FILTER (?pa != ?pb || (?ma IN (ng:Asserted, ng:Reported) && "
            "?mb IN (ng:Possible, ng:Hypothetical, ng:Speculated))) }"
        )
    }
    flagged = {
        r["edge"].value
        for r in store.query(PREFIXES + "SELECT ?edge WHERE { ?edge ng:contested true }")
    }
    assert flagged == disagreeing
    if output == "dated_output":
        assert flagged, "assertion, denial and hypothesis of one relation make a contested edge"


def test_shacl_shapes_catch_a_first_date_after_the_last(dated_output):
    data = load_turtle(dated_output)
    edge = next(data.subjects(NG.firstDate, None))
    first, last = data.value(edge, NG.firstDate), data.value(edge, NG.lastDate)
    data.set((edge, NG.firstDate, Literal("2999-01-01", datatype=XSD.date)))
    assert first <= last
    shapes = Graph().parse(ROOT / "schemas" / "shapes.ttl", format="turtle")
    conforms, _, _ = validate(data, shacl_graph=shapes, inference="none")
    assert not conforms


@pytest.mark.parametrize("prop", ["support", "contested", "statement"])
def test_shacl_shapes_catch_an_edge_without_a_required_property(example_output, prop):
    data = load_turtle(example_output)
    edge = next(data.subjects(RDF.type, NG.Relation))
    data.remove((edge, NG[prop], None))
    shapes = Graph().parse(ROOT / "schemas" / "shapes.ttl", format="turtle")
    conforms, _, _ = validate(data, shacl_graph=shapes, inference="none")
    assert not conforms


def test_explain_shows_edge_dates_and_who_says_what(dated_output):
    result = run_newsgraph("explain", "North Korea", dated_output / "graph.nq")
    assert result.returncode == 0, result.stderr.decode()
    text = result.stdout.decode()
    assert "to 2024-10-25, contested)" in text
    assert "d2: asserted, denied" in text
