"""benchmarks/news.py on a small set written here: what it reads, counts and refuses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARK = Path(__file__).resolve().parents[1] / "benchmarks" / "news.py"

# Two sentences of our own and their gold: a weekday the tagger dates, a month it dates differently from
# the gold (a deliberate disagreement), a day with its part of day (TIME, left out) and a date the gold
# leaves bare ("now").
TEXT = "The council met on Tuesday. It will vote in March. Talks ran late on Friday night. The mood is good now."


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(BENCHMARK), *args], capture_output=True, text=True, timeout=120)


@pytest.fixture
def news_set(tmp_path: Path) -> Path:
    def span(text: str, value: str, kind: str = "DATE") -> dict:
        start = TEXT.index(text)
        return {"article": 1, "start": start, "end": start + len(text), "text": text, "value": value, "type": kind}

    path = tmp_path / "council.json"
    path.write_text(json.dumps({
        "about": "a council of our own",
        "articles": [{"article": 1, "published": "2013-06-20", "text": TEXT}],
        "gold": [span("Tuesday", "2013-06-18"), span("March", "2013-04"),
                 span("Friday night", "2013-06-14TNI", "TIME")],
    }), encoding="utf-8")
    return path


def test_news_benchmark_scores_dates_and_leaves_out_times(news_set):
    """Two gold DATEs, three DATE mentions found ("now" has no gold; "Friday night" overlaps only a TIME
    span and is left out): relaxed recall 100%, value precision 1 of 3, value recall 1 of 2."""
    result = run(str(news_set))
    assert result.returncode == 0, result.stderr
    row = next(line for line in result.stdout.splitlines() if line.startswith("| council"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[2:] == ["1", "2", "80.0", "33.3 / 50.0", "40.0"]


def test_news_benchmark_lists_disagreements(news_set):
    """With -v, the month valued differently and the mention with no gold are listed."""
    result = run(str(news_set), "-v")
    assert "'March': gold 2013-04, found 'March' 2014-03" in result.stdout
    assert "no gold for 'now' PRESENT_REF" in result.stdout


def test_news_benchmark_refuses_a_file_that_is_no_set(tmp_path):
    """A file that is not a set of annotated articles is refused in one line, exit code 1."""
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    result = run(str(bad))
    assert result.returncode == 1 and result.stderr.count("\n") == 1 and str(bad) in result.stderr


def test_news_benchmark_sets_are_well_formed():
    """Every shipped set's gold spans are the article's own words at their offsets, with a value."""
    for path in sorted((BENCHMARK.parent / "news").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        texts = {a["article"]: a["text"] for a in data["articles"]}
        assert len(texts) == 25, path.name
        for g in data["gold"]:
            assert texts[g["article"]][g["start"]:g["end"]] == g["text"] and g["value"], (path.name, g)
