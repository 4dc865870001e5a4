"""The `build` command end to end: determinism, the diagram, and bad input."""
import json
import os
import re
import xml.etree.ElementTree as ET

import pytest
from rdflib import Graph, Namespace, RDF, RDFS

from conftest import ROOT, run_newsgraph

RDF_FILES = ["graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld"]
NG = Namespace("https://w3id.org/newsgraph/ns#")
SVG = "{http://www.w3.org/2000/svg}"


def test_two_runs_give_byte_identical_rdf(example_output, tmp_path):
    result = run_newsgraph("build", ROOT / "examples", "--out", tmp_path, "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    for name in RDF_FILES:
        assert (tmp_path / name).read_bytes() == (example_output / name).read_bytes(), name


def test_svg_is_well_formed_with_one_node_per_drawn_entity(example_output):
    svg = ET.parse(example_output / "graph.svg").getroot()  # raises if not well-formed XML
    nodes = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "node"]
    dot = (example_output / "graph.dot").read_text(encoding="utf-8")
    dot_nodes = re.findall(r"^\s*n\d+ \[", dot, flags=re.MULTILINE)
    assert nodes, "no node drawn"
    assert len(nodes) == len(dot_nodes)
    ttl = Graph().parse(example_output / "graph.ttl", format="turtle")
    labels = {" ".join(str(label).split()) for e in ttl.subjects(RDF.type, NG.Entity) for label in ttl.objects(e, RDFS.label)}
    for node in nodes:
        text = " ".join(" ".join(t.text or "" for t in node.iter(f"{SVG}text")).split())
        # The label comes first; a job title may follow on the next line.
        label = next((l for l in labels if text == l or text.startswith(l + " ")), None)
        assert label, f"node {text!r} is not an entity of the graph"
        tooltip = next(a for a in node.iter(f"{SVG}a")).get("{http://www.w3.org/1999/xlink}title")
        assert tooltip and label in tooltip


def test_no_output_and_failure_status_for_a_missing_file(tmp_path):
    out = tmp_path / "out"
    result = run_newsgraph("build", tmp_path / "missing.txt", "--out", out)
    assert result.returncode == 1
    assert "missing.txt" in result.stderr.decode()
    assert not out.exists() or not any(out.iterdir())


def test_folder_without_articles_fails_clearly(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "notes.bin").write_bytes(b"\x00\x01")
    result = run_newsgraph("build", tmp_path / "in", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "no article" in result.stderr.decode().lower()


def test_unknown_format_is_rejected_before_any_work(tmp_path):
    result = run_newsgraph("build", ROOT / "examples", "--out", tmp_path, "--formats", "ttl,xml")
    assert result.returncode != 0
    assert "xml" in result.stderr.decode()
    assert not list(tmp_path.iterdir())


def test_invalid_utf8_is_repaired_and_reported(tmp_path):
    article = tmp_path / "latin1.txt"
    article.write_bytes("Headline\n\nThe minister met the envoy in Bogot\xe1 on Monday.\n".encode("latin-1"))
    result = run_newsgraph("build", article, "--out", tmp_path / "out", "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    assert "latin1.txt" in result.stderr.decode()
    assert (tmp_path / "out" / "graph.ttl").exists()


def test_bad_articles_are_skipped_and_the_rest_processed(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.txt").write_text((ROOT / "examples" / "north-korean-troops-in-russia.txt").read_text())
    (folder / "empty.txt").write_text("   \n\n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (folder / "feed.jsonl").write_text(
        '{"id": "a1", "title": "Talks", "text": "Japan and South Korea held talks in Tokyo on Friday."}\n'
        '{"id": "a2", "title": broken\n'
    )
    out = tmp_path / "out"
    result = run_newsgraph("build", folder, "--out", out, "--quiet")
    stderr = result.stderr.decode()
    assert result.returncode == 3, stderr
    assert "empty.txt" in stderr and "binary.txt" in stderr
    assert "feed.jsonl:2" in stderr
    ttl = Graph().parse(out / "graph.ttl", format="turtle")
    articles = set(ttl.subjects(RDF.type, Namespace("https://schema.org/").NewsArticle))
    assert len(articles) == 2


def test_standard_input_is_read_as_an_article(tmp_path):
    text = (ROOT / "examples" / "north-korean-troops-in-russia.txt").read_bytes()
    result = run_newsgraph("build", "-", "--out", tmp_path, "--formats", "nt", "--quiet", stdin=text)
    assert result.returncode == 0, result.stderr.decode()
    assert (tmp_path / "graph.nt").stat().st_size > 0
    assert sorted(os.listdir(tmp_path)) == ["graph.nt"]


def test_unwritable_output_folder_fails_without_partial_files(tmp_path):
    if os.geteuid() == 0:
        blocker = tmp_path / "file"
        blocker.write_text("not a folder")
        out = blocker / "sub"
    else:
        out = tmp_path / "ro"
        out.mkdir()
        out.chmod(0o500)
    result = run_newsgraph("build", ROOT / "examples", "--out", out, "--quiet")
    assert result.returncode == 1
    assert str(out) in result.stderr.decode()


@pytest.mark.parametrize("bench", ["nlp", "pipeline"])
def test_benchmarks_refuse_a_corpus_without_articles(tmp_path, bench):
    (tmp_path / "empty").mkdir()
    for corpus in (tmp_path / "empty", tmp_path / "missing"):
        result = run_newsgraph("bench", bench, "--corpus", corpus, "--runs", "1")
        assert result.returncode != 0
        assert f"{corpus}: no articles to measure" in result.stderr.decode()


def test_pipeline_benchmark_counts_words_as_wc_does(tmp_path):
    # Tokens count punctuation; the issue's corpus size (855k words) is `wc -w`'s count, so the
    # benchmark reports both, and its word count must be that of whitespace splitting.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    texts = [
        "Seoul accuses Pyongyang\n\nNorth Korea has sent troops to Russia, Seoul said on Tuesday.\n",
        "U.N. talks\n\nThe U.N. Security Council met\tin New York -- again -- on Friday.\n",
    ]
    for k, text in enumerate(texts):
        (corpus / f"a{k}.txt").write_text(text, encoding="utf-8")
    result = run_newsgraph("bench", "pipeline", "--corpus", corpus, "--runs", "1")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    words = sum(len(t.split()) for t in texts)
    match = re.search(r"corpus: 2 articles, (\d+) tokens \((\d+) words as wc -w counts them\)", out)
    assert match, out
    assert int(match.group(2)) == words
    tokens = int(match.group(1))
    assert tokens > 0
    ends = [l for l in out.splitlines() if l.startswith("end to end")]
    assert len(ends) == 2, out
    for line in ends:
        tokens_rate, words_rate = map(int, re.search(r" (\d+) tokens/s +\((\d+) words/s\)", line).groups())
        # Both rates come from the same time: their ratio is that of the counts.
        assert abs(words_rate * tokens - tokens_rate * words) <= tokens + words, line
    assert re.search(r"^speed-up on \d+ cores?: \d+\.\d\d× \(median of 1 rounds", out, re.M), out


def test_pipeline_benchmark_speedup_is_the_ratio_of_its_end_to_end_times(tmp_path):
    # One round: the speed-up is that round's one-core time over its all-core time.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Talks resume\n\nNorth Korea has sent troops to Russia, Seoul said on Tuesday.\n", encoding="utf-8"
    )
    result = run_newsgraph("bench", "pipeline", "--corpus", corpus, "--runs", "1", "--json")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    ends = {row["stage"]: row["seconds"] for row in report["stages"] if row["stage"].startswith("end to end")}
    cores = report["speedup"]["cores"]
    one = ends["end to end, 1 core"]
    everyone = ends[f"end to end, {cores} core{'s' if cores > 1 else ''}"]
    # Seconds are printed to 4 decimals, the ratio to 3: the ratio must lie within those roundings.
    low = (one - 5e-5) / (everyone + 5e-5)
    high = (one + 5e-5) / max(everyone - 5e-5, 1e-9)
    assert low - 5e-4 <= report["speedup"]["ratio"] <= high + 5e-4, report
