"""Shared fixtures: the newsgraph binary and a graph built from the bundled examples."""
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def newsgraph_binary() -> str:
    binary = os.environ.get("NEWSGRAPH_BIN", str(ROOT / ".build" / "debug" / "newsgraph"))
    if not os.path.exists(binary):
        pytest.fail(f"newsgraph binary not found at {binary}: run `swift build` or set NEWSGRAPH_BIN")
    return binary


def run_newsgraph(*args, stdin=None, cwd=None):
    """Runs newsgraph and returns the completed process (never raises on a non-zero status)."""
    return subprocess.run(
        [newsgraph_binary(), *map(str, args)],
        input=stdin,
        capture_output=True,
        cwd=cwd,
        timeout=600,
    )


@pytest.fixture(scope="session")
def example_output(tmp_path_factory):
    """The output folder of `newsgraph build examples`."""
    out = tmp_path_factory.mktemp("example-output")
    result = run_newsgraph("build", ROOT / "examples", "--out", out, "--quiet")
    assert result.returncode == 0, result.stderr.decode()
    return out
