"""benchmarks/timeml.py on a small TimeML folder written here (no corpus text): what it reads and scores."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "timeml.py"

# Five sentences of our own, as TimeML writes them: gold spans without their prepositions, an entity in
# the text, a gold value TimeML leaves underspecified ("1998-XX") and a date the annotators left bare
# ("now").
DOCUMENT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>council</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2013-06-20" functionInDocument="CREATION_TIME">June 20, 2013</TIMEX3></DCT>
<TEXT>

The council met on <TIMEX3 tid="t1" type="DATE" value="2013-06-18">Tuesday</TIMEX3>.
It will meet again <TIMEX3 tid="t2" type="DATE" value="2013-W26">next week</TIMEX3>.
Its budget rose 5% in <TIMEX3 tid="t3" type="DATE" value="1998-XX">1998</TIMEX3>.
Officials spoke &amp; left <TIMEX3 tid="t4" type="DATE" value="2013-06-19">yesterday</TIMEX3>.
The mood is good now.
</TEXT>
</TimeML>
"""


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCHMARK), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "council.tml").write_text(DOCUMENT, encoding="utf-8")
    return tmp_path


def test_read_timeml_gives_the_text_and_gold_offsets_into_it(folder, monkeypatch):
    """The TEXT element loses its tags and leading line breaks, entities are decoded, and each gold
    TIMEX3's offsets slice its own words out of that text."""
    spec = importlib.util.spec_from_file_location("timeml_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    doc = module.read_timeml(folder / "council.tml")
    assert str(doc.dct) == "2013-06-20"
    assert doc.text.startswith("The council met on Tuesday.") and "spoke & left" in doc.text
    assert [(t.text, doc.text[t.start:t.end], t.value) for t in doc.gold] == [
        ("Tuesday", "Tuesday", "2013-06-18"), ("next week", "next week", "2013-W26"),
        ("1998", "1998", "1998-XX"), ("yesterday", "yesterday", "2013-06-19")]


def test_the_benchmark_scores_resolve_and_tag_on_the_gold(folder):
    """`resolve` is scored on the three concrete gold values; `tag`'s five DATE mentions overlap four gold
    expressions (relaxed precision 4/5, recall 4/4) and carry the gold value three times (value
    precision 3/5, recall 3/4, F1 66.7)."""
    done = run(str(folder))
    assert done.returncode == 0, done.stderr
    assert "1 documents, 4 gold DATE expressions, 3 of them naming a concrete date." in done.stdout
    rows = {line.split("|")[1].strip(): line.split("|")[2].strip() for line in done.stdout.splitlines()
            if line.startswith("| `")}
    assert rows["`resolve` on the 3 concrete gold DATE values (gold span, DCT, sentence)"] == "100.0%"
    assert rows["`tag`, DATE relaxed precision / recall"] == "80.0% / 100.0%"
    assert rows["`tag`, DATE value precision / recall"] == "60.0% / 75.0%"
    assert rows["`tag`, DATE value F1"] == "66.7"


def test_the_benchmark_sets_another_taggers_answers_beside_ours(folder, tmp_path):
    """With --peers, a column scores the stored answers the same way: one right value of four gold."""
    peers = tmp_path / "peer.json"
    peers.write_text(json.dumps({"council.tml": [{"span": [19, 26], "type": "DATE", "value": "2013-06-18"}]}))
    done = run(str(folder), "--peers", str(peers))
    assert done.returncode == 0, done.stderr
    value_f1 = next(line for line in done.stdout.splitlines() if line.startswith("| `tag`, DATE value F1"))
    assert [cell.strip() for cell in value_f1.split("|")[2:4]] == ["66.7", "40.0"]


def test_the_benchmark_fails_below_the_lines_it_is_given(folder):
    """--min-value-f1 above the score exits 1 and says which line was missed; lines met exit 0."""
    below = run(str(folder), "--min-value-f1", "70")
    assert below.returncode == 1 and "value F1 66.7 < 70" in below.stderr
    assert run(str(folder), "--min-resolve", "90", "--min-value-f1", "60").returncode == 0


@pytest.mark.parametrize("make, message", [
    (lambda d: None, "no .tml files"),
    (lambda d: (d / "a.tml").write_text("<TimeML><TEXT>no DCT here</TEXT></TimeML>"), "no DCT"),
    (lambda d: (d / "a.tml").write_text(DOCUMENT.replace('type="DATE" value="2013-06', 'type="TIME" value="2013-06')
                                        .replace("2013-W26", "XXXX-WXX")), "nothing to score"),
])
def test_the_benchmark_refuses_a_folder_it_cannot_score_in_one_line(tmp_path, make, message):
    """An empty folder, a file without a DCT or one with no concrete gold date: exit 1, one line, no
    traceback."""
    make(tmp_path)
    done = run(str(tmp_path))
    assert done.returncode == 1 and message in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("value, compared", [
    ("1998-02-19TNI", "1998-02-19"),
    ("2000-W6", "2000-W06"),
    ("2000-W6-WE", "2000-W06-WE"),
    ("2000-W16", "2000-W16"),
    ("1998-XX", "1998-XX"),
])
def test_the_benchmark_compares_values_as_iso_8601_spells_them(value, compared, monkeypatch):
    """Values are compared at the day, and a week number written with one digit ("2000-W6", as some gold
    values are) as the same week with two."""
    spec = importlib.util.spec_from_file_location("timeml_benchmark", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)
    spec.loader.exec_module(module)
    assert module.at_day(value) == compared
