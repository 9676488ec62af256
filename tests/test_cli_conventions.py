"""The command line's conventions and its answers to bad input and faults: --version, one `error:` line for
every error (usage errors too), --json on every command that reads, --file - for the ones that do not
write, --wait on the ones that do, metavars in --help; and the store left untouched whenever a command fails.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import store
from timeline.cli import app
from timeline.dates import Resolution
from timeline.model import Citation, Dataset, Event, Source

D = date.fromisoformat
SOURCE = Source("newarab-2024-12-09", "The New Arab", url="https://www.newarab.com/", published=D("2024-12-09"))
DATELINE_SOURCE = Source("wire-2024-12-09", "Wire", published=D("2024-12-09"), published_from="dateline")
COMMANDS = ["show", "export", "add", "check", "sources", "add-source", "add-place", "resolve", "tag", "ingest",
            "review", "accept", "reject", "rename", "merge", "edit"]
READERS = ["show", "export", "check", "sources", "review"]


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def store_file(tmp_path, monkeypatch) -> Path:
    monkeypatch.delenv("TIMELINE_FILE", raising=False)
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "events.yaml"
    store.save(Dataset(
        sources=(SOURCE, DATELINE_SOURCE),
        events=(
            Event("assad-flees", Resolution.day(D("2024-12-08")), "Bashar al-Assad flees Damascus", place="Damascus"),
            Event("sdf-takes-deir", Resolution.day(D("2024-12-06")), "SDF takes Deir ez-Zor", status="candidate",
                  origin="parsed", citations=(Citation(SOURCE.id, "last Friday", "The SDF took it last Friday"),)),
        ),
    ), path)
    return path


def run(*args: str, stdin: int | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    """`python -m timeline ARGS` as a user runs it."""
    return subprocess.run([sys.executable, "-m", "timeline", *args], capture_output=True, text=True, stdin=stdin,
                          env=env, check=False, timeout=60)


# -- --version, --help ------------------------------------------------------------------------------


def test_version_prints_the_installed_version(runner):
    """`timeline --version` prints the package's version and exits 0."""
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout == f"timeline {version('timeline')}\n"


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_help_shows_metavars_not_python_types(runner, command):
    """Every --help names values by what they are (FILE, D, SECONDS, TITLE), never by a Python type, and
    flags show no value."""
    result = runner.invoke(app, [*command.split(), "--help"])
    assert result.exit_code == 0
    assert not re.search(r"<(str|bool|int|float|path|list\[|Path)", result.stdout), result.stdout
    usage = result.stdout.splitlines()[0]
    assert "{" not in usage and usage.startswith("Usage: "), usage


def test_no_command_prints_help(runner):
    """`timeline` alone prints the list of commands and exits 0."""
    result = runner.invoke(app, [])
    assert result.exit_code == 0 and "Commands:" in result.stdout and "ingest" in result.stdout


# -- errors: one line, exit 1 for bad input and 2 for a bad command line --------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["show", "--bogus"], "error: no such option: --bogus (see `timeline show --help`)"),
    (["add"], "error: missing argument 'TITLE' (see `timeline add --help`)"),
    (["nope"], "error: no such command 'nope' (see `timeline --help`)"),
    (["show", "--wide", "extra"], "error: got unexpected extra argument(s) (extra) (see `timeline show --help`)"),
    (["add", "x", "-d", "2024", "--wait", "-1"], "error: invalid value for '--wait'"),
    (["resolve", "a day after", "--anchor", "2024-12-09", "--after", "2024-12-08"],
     "error: no such option: --after (see `timeline resolve --help`)"),
])
def test_usage_errors_are_one_error_line_and_exit_2(args, message, store_file):
    """A bad command line gets one `error:` line on stderr in the style of every other error, exit 2."""
    result = run(*args)
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(message) and result.stderr.count("\n") == 1, result.stderr
    assert result.stdout == ""


def test_from_after_to_is_an_error_not_an_empty_table(runner, store_file):
    """`show --from 2025 --to 2020` says the range is empty instead of printing an empty table."""
    result = runner.invoke(app, ["show", "--from", "2025", "--to", "2020"])
    assert result.exit_code == 1
    assert result.stderr == "error: --from 2025 is after --to 2020: no event can be in both\n"


@pytest.mark.parametrize("args", [["tag", "-", "--published", "2024-12-09"],
                                  ["ingest", "-", "--published", "2024-12-09"]])
def test_reading_a_closed_stdin_is_one_error_line(args, store_file):
    """`timeline tag -` with standard input closed (`<&-`) says so in one line, exit 1, no traceback."""
    result = subprocess.run(["bash", "-c", f'"{sys.executable}" -m timeline "$@" <&-', "bash", *args],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 1
    assert result.stderr == "error: - reads standard input, which is closed\n"


@pytest.mark.parametrize(("args", "message"), [
    (["add", "two\nlines", "-d", "2024"], "'title': it holds a line break (U+000A); it must be one line"),
    (["add", "bell\a", "-d", "2024"], "'title': it holds the control character (U+0007)"),
    (["add", "esc \x1b[2J", "-d", "2024"], "'title': it holds the control character (U+001B)"),
    (["add", "del\x7f", "-d", "2024"], "'title': it holds the control character (U+007F)"),
    (["add", "x" * 10_000, "-d", "2024"], "'title': it is 10000 characters long; the limit is 300"),
    (["add", "ok", "-d", "2024", "--notes", "tab\there"], "'notes': it holds a tab (U+0009); only line breaks"),
    (["add", "ok", "-d", "2024", "--actor", "a\nb"], "'actors': it holds a line break"),
    (["add-source", "evil", "--outlet", "E", "--url", "javascript:alert(1)"],
     "source 'evil': 'url': it must be an http:// or https:// address"),
    (["edit", "assad-flees", "--title", "a\u2028b"], "'title': it holds a line separator (U+2028)"),
    (["edit", "assad-flees", "--after", "sdf-takes-deir"], None),  # fine on its own; see the cycle below
])
def test_text_the_store_cannot_keep_is_refused_and_nothing_is_written(runner, store_file, args, message):
    """Titles are one line without control characters and at most 300 characters, notes keep only line
    breaks, addresses are http(s): anything else is one `error:` line, exit 1, the store byte for byte."""
    before = store_file.read_bytes()
    result = runner.invoke(app, args)
    if message is None:
        assert result.exit_code == 0, result.output
        return
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("error: ") and message in result.stderr and result.stderr.count("\n") == 1
    assert store_file.read_bytes() == before


def test_an_after_cycle_is_refused_by_edit(runner, store_file):
    """`edit A --after B` when B is dated after A is refused, naming the circle; the store is unchanged."""
    assert runner.invoke(app, ["edit", "sdf-takes-deir", "--after", "assad-flees"]).exit_code == 0
    before = store_file.read_bytes()
    result = runner.invoke(app, ["edit", "assad-flees", "--after", "sdf-takes-deir"])
    assert result.exit_code == 1
    assert "assad-flees -> sdf-takes-deir -> assad-flees" in result.stderr
    assert store_file.read_bytes() == before


def test_a_read_only_store_is_refused(runner, store_file):
    """A store without write permission is not replaced: one error line, exit 1, its bytes and mode kept."""
    before = store_file.read_bytes()
    store_file.chmod(0o444)
    result = runner.invoke(app, ["add", "Something", "-d", "2024-12-10", "--file", str(store_file)])
    assert result.exit_code == 1
    assert result.stderr == f"error: {store_file} is read-only; not changed (make it writable to change it)\n"
    assert store_file.read_bytes() == before and (store_file.stat().st_mode & 0o777) == 0o444


@pytest.mark.parametrize("text", ["", "\n\n", "Nothing in this article says when.\n"])
def test_an_article_with_no_dated_statement_leaves_the_store_alone(runner, store_file, tmp_path, text):
    """Ingesting an empty article, or one without a date, adds no source and does not rewrite the store."""
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    before = store_file.read_bytes()
    result = runner.invoke(app, ["ingest", str(article), "--published", "2024-12-09"])
    assert result.exit_code == 0, result.output
    assert "nothing in it landed, so the source is not added" in result.stderr
    assert store_file.read_bytes() == before


# -- --json on every command that reads ------------------------------------------------------------


def test_sources_json_lists_each_source_with_its_event_count(runner, store_file):
    """`sources --json` is a list of the sources, their fields and how many events cite each."""
    result = runner.invoke(app, ["sources", "--json"])
    assert result.exit_code == 0
    listed = json.loads(result.stdout)
    assert [(s["id"], s["url"], s["published"], s["events"]) for s in listed] == [
        (SOURCE.id, SOURCE.url, "2024-12-09", 1), (DATELINE_SOURCE.id, "", "2024-12-09", 0)]


def test_check_json_counts_findings_and_notes(runner, store_file):
    """`check --json` is one object with the counts, each finding, the notes and left-over temporary files;
    its exit code is that of `check`."""
    (store_file.parent / ".events.yaml.0badc0de.tmp").write_text("half")
    result = runner.invoke(app, ["check", "--json"])
    report = json.loads(result.stdout)
    assert result.exit_code == 0
    assert (report["events"], report["sources"], report["citations"], report["errors"]) == (2, 2, 1, 0)
    assert report["notes"] == [{"source": DATELINE_SOURCE.id,
                                "message": f"source '{DATELINE_SOURCE.id}' is dated 2024-12-09 from the dateline"}]
    assert report["temporary_files"] == [str(store_file.parent / ".events.yaml.0badc0de.tmp")]


def test_check_says_a_killed_save_left_a_file_and_the_next_change_removes_it(runner, store_file):
    """A temporary file left by a killed writer is noted by `check` and gone after the next change."""
    leftover = store_file.parent / ".events.yaml.0badc0de.tmp"
    leftover.write_text("half a store")
    result = runner.invoke(app, ["check"])
    assert f"note: {leftover} is left from a save that did not finish" in result.stderr
    assert runner.invoke(app, ["accept", "sdf-takes-deir"]).exit_code == 0
    assert not leftover.exists()
    assert "left from a save" not in runner.invoke(app, ["check"]).stderr


def test_review_json_is_the_candidates_as_export_json_events(runner, store_file):
    """`review --json` lists the candidates with the fields of the JSON export's events."""
    result = runner.invoke(app, ["review", "--json"])
    assert result.exit_code == 0
    (candidate,) = json.loads(result.stdout)
    assert candidate["id"] == "sdf-takes-deir" and candidate["when"] == "2024-12-06"
    assert candidate["citations"] == [{"source": SOURCE.id, "said": "last Friday",
                                       "quote": "The SDF took it last Friday"}]


# -- --file - --------------------------------------------------------------------------------------


@pytest.mark.parametrize("args", [["show"], ["export", "--format", "csv"], ["check"], ["sources"], ["review"],
                                  ["show", "--format", "json"]])
def test_commands_that_read_take_the_store_on_stdin(runner, store_file, args):
    """`--file -` reads the store from standard input: the same output as from the file."""
    from_file = runner.invoke(app, [*args, "--file", str(store_file)])
    from_stdin = runner.invoke(app, [*args, "--file", "-"], input=store_file.read_text(encoding="utf-8"))
    assert from_stdin.exit_code == from_file.exit_code == 0
    assert from_stdin.stdout == from_file.stdout.replace(str(store_file), "-")


def test_a_bad_store_on_stdin_names_stdin(runner):
    """A store on stdin that does not load is one error line naming <stdin> and the line."""
    result = runner.invoke(app, ["show", "--file", "-"], input="version: 2\nevents: {}\n")
    assert result.exit_code == 1 and result.stderr == (
        "error: <stdin>:2: 'events' must be a list of event entries, got a mapping\n")


@pytest.mark.parametrize("args", [["add", "x", "-d", "2024"], ["accept", "sdf-takes-deir"],
                                  ["add-source", "s", "--outlet", "O"], ["check", "--fix"]])
def test_commands_that_write_refuse_a_store_on_stdin(runner, store_file, args):
    """A store read from stdin cannot be written back: commands that write say so (check --fix only
    when it has something to fix, so here it simply reports)."""
    result = runner.invoke(app, [*args, "--file", "-"], input=store_file.read_text(encoding="utf-8"))
    if args == ["check", "--fix"]:
        assert result.exit_code == 0
        return
    assert result.exit_code == 1
    assert result.stderr == "error: --file -: a store read from stdin cannot be written; give its file\n"


# -- --wait ----------------------------------------------------------------------------------------


def test_a_writer_waiting_for_the_lock_says_so_then_gives_up_naming_the_holder(store_file):
    """While another process holds the lock, a writer says after a second that it waits and who holds
    the lock, gives up after --wait seconds with one error line naming the holder, and writes nothing."""
    before = store_file.read_bytes()
    env = {**os.environ, "TIMELINE_FILE": str(store_file)}
    with store.lock(store_file):
        started = time.monotonic()
        result = run("add", "Blocked", "-d", "2024-12-10", "--wait", "2", env=env)
        took = time.monotonic() - started
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines == [f"waiting for {store_file}: process {os.getpid()} holds its lock (giving up after 2 s)",
                     f"error: {store_file} is locked by process {os.getpid()}; gave up after 2 s "
                     "(--wait sets how long to wait)"]
    assert 2 <= took < 10
    assert store_file.read_bytes() == before


def test_a_writer_goes_ahead_once_the_lock_is_free(store_file, tmp_path):
    """A writer that waited lands its change when the holder lets go within --wait."""
    env = {**os.environ, "TIMELINE_FILE": str(store_file)}
    holder = subprocess.Popen([sys.executable, "-c", (
        "import sys, time; from timeline import store\n"
        "with store.lock(sys.argv[1]):\n    print('held', flush=True); time.sleep(1.5)\n"), str(store_file)],
        stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline() == "held\n"
    result = run("add", "After the wait", "-d", "2024-12-10", "--wait", "20", env=env)
    holder.wait(timeout=30)
    assert result.returncode == 0, result.stderr
    assert "holds its lock" in result.stderr
    assert store.load(store_file).event("after-the-wait") is not None


def test_an_error_quoting_a_line_break_stays_one_line(runner, store_file):
    """A value with a line break or an escape sequence is quoted escaped: the error is still one line and
    nothing reaches the terminal raw."""
    result = runner.invoke(app, ["edit", "no\nsuch\x1b[2J", "--title", "x"])
    assert result.exit_code == 1
    assert result.stderr == "error: no event with id 'no\\nsuch\\x1b[2J'\n"


def test_an_argument_that_is_not_utf8_is_refused_before_any_command_runs(store_file):
    """Bytes that are not UTF-8 in an argument are one error line, exit 1, and never reach the store."""
    before = store_file.read_bytes()
    result = subprocess.run([os.fsencode(sys.executable), b"-m", b"timeline", b"add", b"caf\xe9", b"-d", b"2024"],
                            capture_output=True, check=False, timeout=60, env={**os.environ, "LC_ALL": "C.UTF-8"})
    assert result.returncode == 1
    assert result.stderr == b"error: an argument is not UTF-8 text: caf\\xe9\n"
    assert store_file.read_bytes() == before


def test_ingest_says_when_a_stored_source_date_anchored_the_article(runner, store_file, tmp_path):
    """Ingesting under the id of a source already in the store uses the stored date, and says so when the
    date given differs."""
    article = tmp_path / "a.txt"
    article.write_text("The SDF took Deir az-Zour last Friday.\n", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(article), "--source-id", SOURCE.id, "--published", "2021-11-27"])
    assert result.exit_code == 0
    assert (f"{SOURCE.id}: already in the store, published 2024-12-09; that date anchored the article, "
            "not 2021-11-27") in result.stderr


def test_export_to_an_empty_file_name_is_an_error(runner, store_file):
    """`export -o ''` says a file name is needed instead of an unnamed file error."""
    result = runner.invoke(app, ["export", "-o", ""])
    assert result.exit_code == 1 and result.stderr == "error: -o needs a file name (or - for standard output)\n"


def test_the_command_lines_default_wait_is_the_librarys():
    """--wait's default, written out in the CLI so that --help does not load the store, is the library's."""
    from timeline import cli

    assert cli.DEFAULT_WAIT == store.DEFAULT_WAIT


def test_ctrl_c_says_interrupted_and_exits_130(store_file, tmp_path):
    """A command stopped by Ctrl-C (SIGINT) says so in one error line and exits 130, the shell's convention."""
    import signal

    article = tmp_path / "slow.txt"
    article.write_text("The SDF took Deir az-Zour last Friday.\n" * 20000, encoding="utf-8")
    # A job a shell starts in the background inherits Ctrl-C ignored, as the test runner may have been:
    # the command is started with Ctrl-C's default, as from a terminal.
    proc = subprocess.Popen([sys.executable, "-m", "timeline", "tag", str(article), "--published", "2024-12-09"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(1.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err == "error: interrupted\n"
