"""The progress line of `build`: shown on a terminal, silent otherwise or with --quiet."""
import os
import pty
import subprocess

from conftest import ROOT, newsgraph_binary, run_newsgraph


def build_with_terminal_stderr(tmp_path, *extra):
    """Runs build with standard error on a pseudo-terminal; returns (status, what the terminal got)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [newsgraph_binary(), "build", str(ROOT / "examples"), "--out", str(tmp_path / "out"), *extra],
        stdout=subprocess.DEVNULL, stderr=slave, stdin=subprocess.DEVNULL)
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:  # the other end closed
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    return process.wait(timeout=600), received.decode("utf-8", "replace")


def test_progress_on_a_terminal_counts_articles_speed_and_time_left(tmp_path):
    status, terminal = build_with_terminal_stderr(tmp_path)
    assert status == 0, terminal
    # The five example articles (one file and four JSON Lines rows) are counted before the run.
    assert "5/5 articles" in terminal
    assert "tokens/s" in terminal and "s left" in terminal
    # The line is erased at the end, so nothing is left on the terminal's last line.
    assert terminal.endswith("\r\x1b[K")


def test_quiet_shows_no_progress_even_on_a_terminal(tmp_path):
    status, terminal = build_with_terminal_stderr(tmp_path, "--quiet")
    assert status == 0, terminal
    assert "articles" not in terminal


def test_no_progress_when_standard_error_is_not_a_terminal(tmp_path):
    result = run_newsgraph("build", ROOT / "examples", "--out", tmp_path / "out")
    assert result.returncode == 0
    assert b"tokens/s" not in result.stderr
