"""`newsgraph diff` and `newsgraph compare` run on real articles through the built CLI."""
import json
import xml.etree.ElementTree as ET

from conftest import ROOT, run_newsgraph

ARTICLE = ROOT / "examples" / "north-korean-troops-in-russia.txt"
# A sentence whose relations no other sentence of the article supports.
REMOVED = (
    "Western officials have speculated that the talks resulted in a secret agreement on military "
    "cooperation, with North Korea providing artillery shells and other equipment to support Russia’s "
    "war efforts in Ukraine, in exchange for advanced Russian technology and military know-how."
)


def diff_json(a, b, *extra):
    result = run_newsgraph("diff", a, b, "--format", "json", *extra)
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout)


def copy_without_sentence(tmp_path):
    text = ARTICLE.read_text(encoding="utf-8")
    assert (" " + REMOVED) in text
    cut = tmp_path / "cut.txt"
    cut.write_text(text.replace(" " + REMOVED, ""), encoding="utf-8")
    return cut


def relations_of_sentence(path, sentence_text):
    """(subject, class-or-predicate, object) labels of the claims `extract` finds in one sentence."""
    result = run_newsgraph("extract", path, "--format", "jsonl")
    assert result.returncode == 0, result.stderr.decode()
    extraction = json.loads(result.stdout.decode().splitlines()[0])
    labels = {entity["key"]: entity["label"] for entity in extraction["entities"]}
    by_identity = {}
    for claim in extraction["claims"]:
        identity = (labels[claim["subject"]], claim.get("relationClass") or claim["predicate"], labels[claim["object"]])
        by_identity.setdefault(identity, set()).add(claim["evidence"])
    return {identity for identity, evidence in by_identity.items() if evidence == {sentence_text}}


def as_triples(relations):
    return {(r["subject"], r["predicate"], r["object"]) for r in relations}


def test_diff_against_a_copy_without_one_sentence_lists_exactly_its_relations(tmp_path):
    cut = copy_without_sentence(tmp_path)
    report = diff_json(ARTICLE, cut)
    expected = relations_of_sentence(ARTICLE, REMOVED)
    assert len(expected) >= 3
    assert as_triples(report["relations"]["onlyA"]) == expected
    assert report["relations"]["onlyB"] == []
    assert report["entities"]["onlyB"] == []
    assert report["contradictions"] == []
    assert 0 < report["similarity"]["relations"] < 1


def test_diff_of_an_article_against_itself_is_all_shared(tmp_path):
    report = diff_json(ARTICLE, ARTICLE)
    for part in ("entities", "relations"):
        assert report[part]["onlyA"] == [] and report[part]["onlyB"] == []
        assert len(report[part]["shared"]) > 10
    assert report["contradictions"] == []
    assert report["similarity"] == {"entities": 1.0, "relations": 1.0}


def test_json_report_has_the_documented_shape(tmp_path):
    report = diff_json(ARTICLE, copy_without_sentence(tmp_path))
    assert {"entities", "relations", "contradictions", "similarity"} <= set(report)
    for part in ("entities", "relations"):
        assert set(report[part]) == {"shared", "onlyA", "onlyB"}
    assert all(isinstance(label, str) for label in report["entities"]["shared"])
    for relation in report["relations"]["shared"] + report["relations"]["onlyA"]:
        assert set(relation) == {"subject", "predicate", "object"}
    assert set(report["similarity"]) == {"entities", "relations"}


def test_graph_files_diff_like_the_articles_they_were_built_from(tmp_path):
    cut = copy_without_sentence(tmp_path)
    for name, source in (("whole", ARTICLE), ("cut", cut)):
        result = run_newsgraph("build", source, "--out", tmp_path / name, "--formats", "nq", "--quiet")
        assert result.returncode == 0, result.stderr.decode()
    from_graphs = diff_json(tmp_path / "whole" / "graph.nq", tmp_path / "cut" / "graph.nq")
    from_articles = diff_json(ARTICLE, cut)
    assert from_graphs["relations"] == from_articles["relations"]
    assert from_graphs["entities"] == from_articles["entities"]


def test_wording_differs_but_the_relation_matches(tmp_path):
    # "Pyongyang sent soldiers…" without "has" gives no claim with the current tagger.
    (tmp_path / "a.txt").write_text("Pyongyang has sent soldiers to Russia.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("North Korea deployed troops in Russia.\n", encoding="utf-8")
    report = diff_json(tmp_path / "a.txt", tmp_path / "b.txt")
    assert report["relations"]["onlyA"] == [] and report["relations"]["onlyB"] == []
    assert as_triples(report["relations"]["shared"]) == {
        ("North Korea", "aid", "Russia"),
        ("North Korea", "aid", "soldiers / troops"),
    }
    assert report["entities"]["onlyA"] == [] and report["entities"]["onlyB"] == []


def test_denial_is_a_contradiction(tmp_path):
    (tmp_path / "a.txt").write_text("North Korea sent troops to Russia.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("North Korea did not send troops to Russia.\n", encoding="utf-8")
    report = diff_json(tmp_path / "a.txt", tmp_path / "b.txt")
    # Both relations of the sentence (sending troops, sending to Russia) are denied.
    assert {c["object"] for c in report["contradictions"]} == {"troops", "Russia"}
    for contradiction in report["contradictions"]:
        assert (contradiction["kind"], contradiction["a"], contradiction["b"]) == ("polarity", "affirmed", "denied")
        assert contradiction["evidenceB"][0]["text"] == "North Korea did not send troops to Russia."
    assert as_triples(report["relations"]["shared"]) == {
        (c["subject"], c["predicate"], c["object"]) for c in report["contradictions"]
    }


def test_hypothetical_against_asserted_is_a_modality_contradiction(tmp_path):
    (tmp_path / "a.txt").write_text("North Korea sent troops to Russia.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "North Korea may send troops to Russia if the deal is confirmed.\n", encoding="utf-8"
    )
    report = diff_json(tmp_path / "a.txt", tmp_path / "b.txt")
    assert report["contradictions"]
    assert {(c["kind"], c["a"], c["b"]) for c in report["contradictions"]} == {("modality", "affirmed", "hedged")}


def test_out_folder_gets_the_report_and_a_diagram_with_a_legend(tmp_path):
    cut = copy_without_sentence(tmp_path)
    result = run_newsgraph("diff", ARTICLE, cut, "--format", "json", "--out", tmp_path / "out")
    assert result.returncode == 0, result.stderr.decode()
    assert json.loads((tmp_path / "out" / "diff.json").read_text(encoding="utf-8"))["relations"]["onlyA"]
    svg = ET.parse(tmp_path / "out" / "diff.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    ids = [g.get("id", "") for g in svg.iter(ns + "g") if g.get("class") == "edge"]
    assert any(i.startswith("onlyA-") for i in ids) and any(i.startswith("shared-") for i in ids)
    texts = [t.text or "" for t in svg.iter(ns + "text")]
    assert any(str(ARTICLE) in t for t in texts) and any(str(cut) in t for t in texts)


def test_missing_input_fails_naming_it_and_writes_nothing(tmp_path):
    result = run_newsgraph("diff", ARTICLE, tmp_path / "nowhere.txt", "--out", tmp_path / "out")
    assert result.returncode == 1
    assert "nowhere.txt" in result.stderr.decode()
    assert not (tmp_path / "out").exists()


def test_compare_scores_every_pair_and_groups_the_same_story(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    text = ARTICLE.read_text(encoding="utf-8")
    (folder / "one.txt").write_text(text, encoding="utf-8")
    (folder / "two.txt").write_text(copy_without_sentence(tmp_path).read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "other.txt").write_text(
        "Quake hits Indonesia\n\nA strong earthquake struck Sumatra on Tuesday, officials in Jakarta said. "
        "Rescue teams from Australia searched the rubble.\n",
        encoding="utf-8",
    )
    result = run_newsgraph("compare", folder, "--format", "json")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert len(report["pairs"]) == 3
    groups = sorted(sorted(g) for g in report["groups"])
    assert groups == [["articles/one.txt", "articles/two.txt"], ["articles/other.txt"]]
    assert report["linkage"] == "average"
    csv = run_newsgraph("compare", folder)
    lines = csv.stdout.decode().splitlines()
    assert lines[0] == "a,b,similarity,names,entities,relations,text,groupA,groupB"
    assert len(lines) == 4


def write_ecbplus_document(folder, name, sentences):
    lines = [f'<Document doc_name="{name}">']
    token = 1
    for number, sentence in enumerate(sentences):
        for position, word in enumerate(sentence.split()):
            lines.append(f'<token t_id="{token}" sentence="{number}" number="{position}">{word}</token>')
            token += 1
    lines.append("</Document>")
    (folder / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_eval_similarity_scores_both_methods_on_an_ecbplus_folder(tmp_path):
    topic = tmp_path / "1"
    topic.mkdir()
    quake = "A strong earthquake struck Sumatra on Tuesday , officials in Jakarta said ."
    storm = "A tropical storm hit Manila on Friday , officials in the Philippines said ."
    write_ecbplus_document(topic, "1_1ecb.xml", [quake, "Rescue teams searched the rubble in Sumatra ."])
    write_ecbplus_document(topic, "1_2ecb.xml", [quake, "The Sumatra earthquake killed dozens ."])
    write_ecbplus_document(topic, "1_1ecbplus.xml", [storm, "The Manila storm flooded streets ."])
    write_ecbplus_document(topic, "1_2ecbplus.xml", [storm, "Floods in Manila closed schools ."])
    result = run_newsgraph("eval", "similarity", "--ecbplus", tmp_path, "--topics", "1", "--json")
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    assert report["articles"] == 4 and report["events"] == 2
    for method in ("combined", "bag-of-words"):
        scores = report["methods"][method]
        assert scores["pooled"]["total"] == 4
        assert scores["pooled"]["precisionAtOne"] == 1.0
        assert scores["perTopic"]["1"]["correct"] == 4


def test_eval_similarity_names_a_missing_folder(tmp_path):
    result = run_newsgraph("eval", "similarity", "--ecbplus", tmp_path / "missing")
    assert result.returncode == 1
    assert "missing" in result.stderr.decode()


def test_a_skipped_row_still_writes_the_diff_and_exits_3(tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"id": "x", "text": "fine"}\n{broken\n', encoding="utf-8")
    result = run_newsgraph("diff", folder, ARTICLE, "--out", tmp_path / "out")
    assert result.returncode == 3
    assert "feed.jsonl:2" in result.stderr.decode()
    assert (tmp_path / "out" / "diff.txt").exists() and (tmp_path / "out" / "diff.svg").exists()
    assert not [p for p in (tmp_path / "out").iterdir() if ".tmp-" in p.name]
