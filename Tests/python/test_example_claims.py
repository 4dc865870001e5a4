"""The claims the example article must yield (issue 5's list), read back from the built graph by
rdflib: the bundled models, linker and claim reader together, end to end."""
import pytest
from rdflib import Graph, Namespace, URIRef

NG = Namespace("https://w3id.org/newsgraph/ns#")
SCHEMA = Namespace("https://schema.org/")
ENTITY = "https://example.org/newsgraph/entity/"
RELATION = "https://w3id.org/newsgraph/relation/"

STATEMENTS = """
PREFIX ng: <https://w3id.org/newsgraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?s ?p ?o ?modality ?text WHERE {
  ?statement a ng:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
    ng:modality ?modality ; ng:polarity ng:Positive ; ng:evidence ?evidence ;
    prov:wasDerivedFrom ?article .
  ?evidence ng:text ?text .
  FILTER(CONTAINS(STR(?article), "north-korean-troops-in-russia"))
}
"""


def short(term):
    """'country:north-korea' for an entity IRI, 'meet' for a relation IRI."""
    text = str(term)
    if text.startswith(ENTITY):
        return text[len(ENTITY):].replace("/", ":", 1)
    return text[len(RELATION):] if text.startswith(RELATION) else text


@pytest.fixture(scope="module")
def example_graph(example_output):
    return Graph().parse(example_output / "graph.nt", format="nt")


@pytest.fixture(scope="module")
def claims(example_graph):
    """(subject, predicate, object) → set of (modality, evidence sentence)."""
    found = {}
    for row in example_graph.query(STATEMENTS):
        key = (short(row.s), short(row.p), short(row.o))
        found.setdefault(key, set()).add((row.modality.split("#")[-1], str(row.text)))
    return found


@pytest.mark.parametrize(
    "subject,predicate,obj,modality,sentence_has",
    [
        ("country:north-korea", "be_present_in", "country:russia", "Reported", "troops"),
        ("country:north-korea", "provide", "concept:artillery-shells", "Speculated", "artillery shells"),
        ("country:north-korea", "provide", "concept:equipment", "Speculated", "equipment"),
        ("person:vladimir-putin", "meet", "person:kim-jong-un", "Asserted", "meeting between"),
        ("country:russia", "war_in", "country:ukraine", "Asserted", "war in Ukraine"),
        ("person:lloyd-austin", "condemn", "concept:destabilization", "Asserted", "destabilization"),
        ("country:south-korea", "condemn", "concept:cooperation", "Reported", "cooperation"),
        ("country:japan", "condemn", "concept:cooperation", "Reported", "cooperation"),
        ("organization:united-nations", "impose_on", "country:north-korea", "Asserted", "sanctions"),
        ("country:united-states", "impose_on", "country:north-korea", "Hypothetical", "confirmed"),
        ("country:united-states", "impose_on", "country:russia", "Hypothetical", "confirmed"),
        ("country:north-korea", "forge_with", "country:russia", "Asserted", "ties"),
        ("country:north-korea", "forge_with", "country:china", "Asserted", "ties"),
    ],
)
def test_example_article_yields_the_claim(claims, subject, predicate, obj, modality, sentence_has):
    found = claims.get((subject, predicate, obj), set())
    assert found, f"no {subject} {predicate} {obj}; claims of the article: {sorted(claims)}"
    assert any(m == modality and sentence_has in text for m, text in found), found


@pytest.mark.parametrize(
    "person,title,affiliation",
    [
        ("lloyd-austin", "Defense Secretary", "country/united-states"),
        ("park-jin", "Foreign Minister", "country/south-korea"),
        ("fumio-kishida", "Prime Minister", "country/japan"),
        ("matthew-miller", "spokesperson", "organization/us-state-department"),
        ("bruce-klingner", "senior research fellow", "organization/heritage-foundation"),
    ],
)
def test_example_article_gives_job_titles_and_affiliations(example_graph, person, title, affiliation):
    node = URIRef(ENTITY + "person/" + person)
    assert [str(t) for t in example_graph.objects(node, SCHEMA.jobTitle)] == [title]
    assert list(example_graph.objects(node, SCHEMA.affiliation)) == [URIRef(ENTITY + affiliation)]
