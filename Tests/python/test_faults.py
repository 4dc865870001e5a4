"""Faults while `build` runs: interruption, an unwritable folder, a full disk, unreadable articles.
Nothing written before may be lost, nothing half-written or temporary may be left behind."""
import json
import os
import shutil
import signal
import subprocess
import tempfile
import time

import pytest

from conftest import ROOT, newsgraph_binary, run_newsgraph

OUTPUTS = ["graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld", "graph.svg", "graph.dot"]
EXAMPLE = ROOT / "examples" / "north-korean-troops-in-russia.txt"


def temporaries(folder):
    return sorted(name for name in os.listdir(folder) if ".tmp-" in name)


def snapshot(folder):
    return {name: (folder / name).read_bytes() for name in OUTPUTS}


def long_feed(path, articles):
    """A JSON Lines feed of `articles` copies of the example article (seconds of work each batch)."""
    text = EXAMPLE.read_text(encoding="utf-8")
    with open(path, "w", encoding="utf-8") as feed:
        for i in range(articles):
            feed.write(json.dumps({"id": f"n{i}", "title": f"Story {i}", "text": text}) + "\n")
    return path


@pytest.fixture
def earlier_output(tmp_path, example_output):
    """An output folder holding the outputs of an earlier, finished run."""
    out = tmp_path / "out"
    shutil.copytree(example_output, out)
    return out


def can_mount():
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = tempfile.mkdtemp()
    try:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", probe], capture_output=True).returncode == 0
        if ok:
            subprocess.run(["umount", probe], check=True)
        return ok
    finally:
        os.rmdir(probe)


@pytest.fixture
def tiny_mount(tmp_path):
    """A mount factory for tmpfs folders (needs root); unmounted after the test."""
    mounted = []

    def mount(name, options):
        if not can_mount():
            pytest.skip("cannot mount a tmpfs here (not root or no mount permission)")
        folder = tmp_path / name
        folder.mkdir()
        subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], check=True)
        mounted.append(folder)
        return folder

    yield mount
    for folder in mounted:
        subprocess.run(["umount", "-l", str(folder)], check=False)


# MARK: - Interruption


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_while_processing_keeps_earlier_outputs(tmp_path, earlier_output, signum):
    before = snapshot(earlier_output)
    feed = long_feed(tmp_path / "feed.jsonl", 300)
    process = subprocess.Popen([newsgraph_binary(), "build", str(feed), "--out", str(earlier_output), "--quiet"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(2.0)
    assert process.poll() is None, "the run finished before it could be interrupted"
    process.send_signal(signum)
    process.wait(timeout=60)
    assert process.returncode == 128 + signum, process.stderr.read().decode(errors="replace")
    assert snapshot(earlier_output) == before
    assert temporaries(earlier_output) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_while_writing_leaves_no_temporary_and_no_half_file(tmp_path, earlier_output, signum):
    """Signals the process as soon as its first temporary file appears: each output is then either
    the earlier file or the complete new one, and no temporary is left."""
    before = snapshot(earlier_output)
    feed = long_feed(tmp_path / "feed.jsonl", 24)
    reference = tmp_path / "reference"
    result = run_newsgraph("build", feed, "--out", reference, "--quiet")
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    after = snapshot(reference)
    caught = 0
    for _ in range(3):
        process = subprocess.Popen([newsgraph_binary(), "build", str(feed), "--out", str(earlier_output), "--quiet"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        while process.poll() is None and not temporaries(earlier_output):
            pass
        if process.poll() is None:
            process.send_signal(signum)
            caught += 1
        process.wait(timeout=60)
        assert temporaries(earlier_output) == []
        for name in OUTPUTS:
            content = (earlier_output / name).read_bytes()
            assert content in (before[name], after[name]), f"{name} is neither the earlier nor the new file"
        for name in OUTPUTS:  # start again from the earlier outputs
            (earlier_output / name).write_bytes(before[name])
    if caught == 0:
        pytest.skip("the writes finished before a signal could be sent")


# MARK: - Unwritable folder and full disk


def test_unwritable_output_folder_is_a_clear_error(tmp_path, tiny_mount):
    folder = tiny_mount("readonly", "ro,size=64k")
    result = run_newsgraph("build", EXAMPLE, "--out", folder, "--quiet")
    assert result.returncode == 1
    error = result.stderr.decode()
    assert str(folder) in error and "not writable" in error
    assert os.listdir(folder) == []


def test_output_path_through_a_file_is_a_clear_error(tmp_path):
    (tmp_path / "file").write_text("not a folder")
    result = run_newsgraph("build", EXAMPLE, "--out", tmp_path / "file" / "out", "--quiet")
    assert result.returncode == 1
    assert "file/out" in result.stderr.decode()


def test_full_disk_is_a_clear_error_and_keeps_earlier_outputs(tmp_path, tiny_mount, example_output):
    folder = tiny_mount("full", "size=200k")
    # Earlier outputs that fit; the new run's outputs (about 900 kB) do not.
    for name in OUTPUTS:
        (folder / name).write_bytes(b"earlier " + name.encode())
    result = run_newsgraph("build", ROOT / "examples", "--out", folder, "--quiet")
    assert result.returncode == 1
    error = result.stderr.decode()
    assert str(folder) in error and ("full" in error or "space" in error), error
    assert temporaries(folder) == []
    for name in OUTPUTS:
        assert (folder / name).read_bytes() == b"earlier " + name.encode()


# MARK: - Unreadable articles


def as_unprivileged():
    """A command prefix that drops root, so that file permissions apply (None when not possible)."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"] if setpriv else None


def test_unreadable_articles_are_reported_and_the_rest_processed():
    prefix = as_unprivileged()
    if prefix is None:
        pytest.skip("running as root without setpriv: permissions cannot be tested")
    base = tempfile.mkdtemp(prefix="newsgraph-faults-")
    try:
        os.chmod(base, 0o777)
        inputs = os.path.join(base, "in")
        os.mkdir(inputs)
        shutil.copy(EXAMPLE, os.path.join(inputs, "a-good.txt"))
        with open(os.path.join(inputs, "b-secret.txt"), "w") as f:
            f.write("Secret talks\n\nVladimir Putin met Kim Jong Un in Pyongyang.\n")
        os.chmod(os.path.join(inputs, "b-secret.txt"), 0o000)
        os.symlink("c-loop.txt", os.path.join(inputs, "c-loop.txt"))  # unreadable even for root
        with open(os.path.join(inputs, "d-feed.jsonl"), "w") as f:
            f.write(json.dumps({"id": "row1", "text": "Japan and South Korea held talks in Tokyo on Friday."}) + "\n")
        os.chmod(inputs, 0o755)
        out = os.path.join(base, "out")
        result = subprocess.run([*prefix, newsgraph_binary(), "build", inputs, "--out", out, "--quiet"],
                                capture_output=True, timeout=600)
        error = result.stderr.decode()
        assert result.returncode == 3, error
        assert "b-secret.txt" in error and "permission denied" in error
        assert "c-loop.txt" in error
        assert "2 inputs were skipped" in error
        nt = open(os.path.join(out, "graph.nt"), encoding="utf-8").read()
        assert "a-good.txt" in nt and "row1" in nt
        assert "b-secret" not in nt
    finally:
        for root, dirs, _ in os.walk(base):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o755)
        os.chmod(os.path.join(base, "in", "b-secret.txt"), 0o644) if os.path.exists(os.path.join(base, "in", "b-secret.txt")) else None
        shutil.rmtree(base, ignore_errors=True)


def test_extract_reads_folders_and_feeds_like_build_and_reports_what_it_skipped(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(EXAMPLE, inputs / "a-good.txt")
    (inputs / "b-feed.jsonl").write_text(
        json.dumps({"id": "row1", "text": "Japan condemned the missile launch by North Korea."}) + "\n"
        + "{not json\n", encoding="utf-8")
    os.symlink("c-loop.txt", inputs / "c-loop.txt")  # unreadable
    result = run_newsgraph("extract", str(inputs), "--format", "jsonl")
    error = result.stderr.decode()
    assert result.returncode == 3, error
    assert "c-loop.txt" in error and "b-feed.jsonl" in error
    ids = [json.loads(line)["article"]["id"] for line in result.stdout.decode().splitlines()]
    assert len(ids) == 2 and any("a-good" in i for i in ids) and "row1" in ids


def test_extract_with_nothing_readable_fails_and_writes_nothing(tmp_path):
    result = run_newsgraph("extract", str(tmp_path / "missing.txt"))
    assert result.returncode == 1
    assert result.stdout == b""
    assert "missing.txt" in result.stderr.decode()
