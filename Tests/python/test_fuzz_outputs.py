"""A batch of hostile generated articles through the CLI: every RDF file parses in rdflib and
pyoxigraph and passes schemas/shapes.ttl; the SVG and DOT carry no markup from the text."""
import json
import os
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pyoxigraph
import pytest
from pyshacl import validate
from rdflib import Dataset, Graph

from conftest import ROOT, run_newsgraph

SEED = int(os.environ.get("NEWSGRAPH_FUZZ_SEED", "20261125"), 0)
NAMES = ["Vladimir Putin", "Kim Jong Un", "Joe Biden", "Xi Jinping", "Angela Merkel", "Emmanuel Macron",
         "Fumio Kishida", "North Korea", "the United Nations", "Moscow", "Tokyo", "José García", "O'Brien"]
VERBS = ["met", "visited", "criticized", "accused", "sent troops to"]
HOSTILE = ["<script>alert(1)</script>", '" onload="alert(1)', "'><svg onload=alert(1)>", ']; evil [label="x',
           "\\N\\G\\E\\L\\n\\\\", '"""', "<http://evil.example/>", "@prefix ex: <http://x/> .", '_:b0 <a> "b" .',
           "&amp;&lt;&#0;&#xD800;&bogus;", "<!-- -->", "]]>", 'xlink:href="http://evil.example/"',
           "url(http://evil.example/)", "javascript:alert(1)", "\x00", "\x07", "\x1b[31m", "\x7f", "\x85",
           "\u2028", "\u2029", "\ufeff", "\ufffe", "\u202eevil\u202c", "e\u0301\u0302\u0303", "שלום", "السلام",
           "👨‍👩‍👧", "🇰🇵", "\r", "\t", "U.S.", "“quoted”", "«x»", "\\", '\\"']
SVG_NS = "{http://www.w3.org/2000/svg}"


def sentence(rng):
    subject = rng.choice(NAMES)
    if rng.random() < 0.6:
        subject = subject + rng.choice(HOSTILE) if rng.random() < 0.5 else rng.choice(HOSTILE) + " " + subject
    obj = rng.choice(NAMES) + (rng.choice(HOSTILE) if rng.random() < 0.3 else "")
    return f"{subject} {rng.choice(VERBS)} {obj} in {rng.choice(NAMES)} on Monday."


def text(rng, sentences):
    return " ".join(sentence(rng) if rng.random() < 0.8 else rng.choice(HOSTILE) * rng.randint(1, 5)
                    for _ in range(sentences))


def write_batch(folder, rng, count=40):
    """Writes `count` hostile articles as .txt, .html and JSON Lines rows; returns the folder."""
    folder.mkdir()
    rows = []
    for i in range(count):
        kind = i % 4
        title = rng.choice(HOSTILE) + " " + rng.choice(NAMES)
        if kind == 0:
            (folder / f"a{i}.txt").write_bytes(f"{title}\n\n{text(rng, 6)}\n".encode("utf-8", "surrogatepass"))
        elif kind == 1:
            body = "".join(f"<p>{text(rng, 2)}" + rng.choice(["</p>", "", "<script>alert(1)", "<!--", "<b>"])
                           for _ in range(3))
            (folder / f"a{i}.html").write_text(f"<html><title>{title}</title><body>{body}", encoding="utf-8")
        elif kind == 2:
            raw = f"{title}\n\n{text(rng, 4)}\n".encode() + bytes([0xC0, 0xAF, 0xED, 0xA0, 0x80, 0xFF]) + b" end.\n"
            (folder / f"a{i}.txt").write_bytes(raw)
        else:
            rows.append(json.dumps({"id": f"row{i}{rng.choice(HOSTILE)}", "title": title, "text": text(rng, 4),
                                    "url": rng.choice(["https://example.org/x", "javascript:alert(1)", "http://x/<a> b"]),
                                    "date": rng.choice(["2024-02-29", "2024-13-45", "x"])}))
    (folder / "feed.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def hostile_output(tmp_path_factory):
    base = tmp_path_factory.mktemp("fuzz")
    inputs = write_batch(base / "in", random.Random(SEED))
    out = base / "out"
    result = run_newsgraph("build", inputs, "--out", out, "--quiet")
    assert result.returncode in (0, 3), result.stderr.decode(errors="replace")
    assert (out / "graph.ttl").exists()
    return out


def test_hostile_batch_gives_a_graph_with_entities(hostile_output):
    graph = Graph().parse(hostile_output / "graph.ttl", format="turtle")
    assert len(graph) > 50


@pytest.mark.parametrize("name,fmt", [("graph.ttl", "turtle"), ("graph.nt", "nt"), ("graph.jsonld", "json-ld")])
def test_rdflib_parses_hostile_triples(hostile_output, name, fmt):
    assert len(Graph().parse(hostile_output / name, format=fmt)) > 0


@pytest.mark.parametrize("name,fmt", [("graph.nq", "nquads"), ("graph.trig", "trig")])
def test_rdflib_parses_hostile_datasets(hostile_output, name, fmt):
    dataset = Dataset()
    dataset.parse(hostile_output / name, format=fmt)
    assert len(list(dataset.quads())) > 0


@pytest.mark.parametrize("name,fmt", [
    ("graph.ttl", pyoxigraph.RdfFormat.TURTLE), ("graph.nt", pyoxigraph.RdfFormat.N_TRIPLES),
    ("graph.nq", pyoxigraph.RdfFormat.N_QUADS), ("graph.trig", pyoxigraph.RdfFormat.TRIG),
    ("graph.jsonld", pyoxigraph.RdfFormat.JSON_LD)])
def test_pyoxigraph_parses_hostile_output(hostile_output, name, fmt):
    store = pyoxigraph.Store()
    store.load(path=str(hostile_output / name), format=fmt)
    assert len(store) > 0


def test_all_formats_hold_the_same_triples(hostile_output):
    turtle = Graph().parse(hostile_output / "graph.ttl", format="turtle")
    ntriples = Graph().parse(hostile_output / "graph.nt", format="nt")
    assert len(turtle) == len(ntriples)


def test_hostile_output_passes_shacl_shapes(hostile_output):
    shapes = Graph().parse(ROOT / "schemas" / "shapes.ttl", format="turtle")
    data = Graph().parse(hostile_output / "graph.ttl", format="turtle")
    conforms, _, report = validate(data, shacl_graph=shapes, inference="none")
    assert conforms, report


def test_svg_has_no_script_handler_or_external_reference(hostile_output):
    root = ET.parse(hostile_output / "graph.svg").getroot()  # raises if not well-formed
    drawn = 0
    for element in root.iter():
        tag = element.tag.split("}")[-1].lower()
        assert tag not in {"script", "foreignobject", "iframe", "embed", "object", "image", "use"}, tag
        drawn += tag == "g" and element.get("class") == "node"
        for name, value in element.attrib.items():
            local = name.split("}")[-1].lower()
            assert not local.startswith("on"), (name, value)
            assert local not in {"href", "src"}, (name, value)
    assert drawn > 0


def test_dot_parses_and_draws_as_many_nodes_as_the_svg(hostile_output):
    dot = shutil.which("dot")
    if not dot:
        pytest.skip("Graphviz dot not installed")
    source = (hostile_output / "graph.dot").read_text(encoding="utf-8")
    result = subprocess.run([dot, "-Tsvg"], input=source.encode(), capture_output=True, timeout=300)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    ours = ET.parse(hostile_output / "graph.svg").getroot()
    theirs = ET.fromstring(result.stdout)
    count = lambda root, cls: sum(1 for g in root.iter(f"{SVG_NS}g") if g.get("class") == cls)
    assert count(theirs, "node") == count(ours, "node") == len(re.findall(r"^\s*n\d+ \[", source, re.M))
    assert count(theirs, "edge") == count(ours, "edge")
