"""`newsgraph load` with articles: built on the fly and loaded into a real Oxigraph server."""
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from conftest import ROOT, run_newsgraph


@pytest.fixture()
def oxigraph(tmp_path):
    binary = os.environ.get("OXIGRAPH_BIN") or shutil.which("oxigraph")
    if not binary:
        pytest.fail("the oxigraph server is needed: pip install oxigraph, or set OXIGRAPH_BIN")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "store"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.time() + 20
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.kill()
    server.wait()


def select(base, query):
    url = base + "/query?" + urllib.parse.urlencode({"query": query})
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.load(answer)["results"]["bindings"]


def test_articles_are_built_and_loaded_with_one_graph_per_article(oxigraph):
    result = run_newsgraph("load", ROOT / "examples", "--store", oxigraph + "/store", "--replace", "--verify")
    assert result.returncode == 0, result.stderr.decode()
    assert b"verified" in result.stdout
    graphs = select(oxigraph, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s a <https://w3id.org/newsgraph/ns#Statement> } }")
    assert len(graphs) == 5
    entities = select(oxigraph, "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/newsgraph/ns#Entity> }")
    assert int(entities[0]["n"]["value"]) > 10
