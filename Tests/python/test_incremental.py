"""`build --into`: adding articles to an existing graph equals building them all at once."""
from conftest import ROOT, run_newsgraph

RDF_FILES = ["graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld"]
FIRST = ROOT / "examples" / "ecbplus-topic12.jsonl"
SECOND = ROOT / "examples" / "north-korean-troops-in-russia.txt"


def build(*args):
    result = run_newsgraph("build", *args, "--quiet")
    assert result.returncode == 0, result.stderr.decode()


def test_incremental_build_is_byte_identical_to_all_at_once(tmp_path):
    build(FIRST, SECOND, "--out", tmp_path / "all")
    build(FIRST, "--out", tmp_path / "first")
    build(SECOND, "--into", tmp_path / "first" / "graph.nq", "--out", tmp_path / "both")
    for name in RDF_FILES:
        assert (tmp_path / "both" / name).read_bytes() == (tmp_path / "all" / name).read_bytes(), name


def test_adding_the_same_articles_again_changes_nothing(tmp_path):
    build(FIRST, SECOND, "--out", tmp_path / "all")
    build(FIRST, "--into", tmp_path / "all" / "graph.nq", "--out", tmp_path / "again")
    for name in RDF_FILES:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "all" / name).read_bytes(), name


def test_build_writes_a_merge_report_and_explain_reads_it(tmp_path):
    import json

    build(FIRST, SECOND, "--out", tmp_path)
    report = json.loads((tmp_path / "merges.json").read_text(encoding="utf-8"))
    assert isinstance(report["merges"], list)
    for merge in report["merges"]:
        assert set(merge) == {"into", "merged", "matched", "layer", "reason"}
    result = run_newsgraph("explain", "north korea", tmp_path / "graph.nq")
    assert result.returncode == 0, result.stderr.decode()
    out = result.stdout.decode()
    assert "[country:north-korea]" in out and "merges:" in out
    assert run_newsgraph("explain", "no such entity", tmp_path / "graph.nq").returncode != 0
