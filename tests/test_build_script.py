"""docs/build-timeline.sh, the record of how the shipped timeline was made, never costs the store it
rebuilds: it builds into a temporary file and puts it in place only when every step succeeded."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def clone(tmp_path: Path) -> Path:
    """What a clone holds of what the script needs: the script, the saved pages, the shipped store."""
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "docs" / "build-timeline.sh", tmp_path / "docs")
    shutil.copytree(ROOT / "tests" / "data" / "pages", tmp_path / "tests" / "data" / "pages")
    shutil.copy(ROOT / "events.yaml", tmp_path / "events.yaml")
    return tmp_path


def build(folder: Path, path: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_FILE"}
    env["PATH"] = path
    return subprocess.run(["bash", "docs/build-timeline.sh"], cwd=folder, env=env, capture_output=True, text=True,
                          timeout=300, check=False)


def test_missing_pages_are_named_and_the_store_is_kept(tmp_path):
    """Without the seed pages the script says which is missing, exits 1 and leaves events.yaml as it was."""
    folder = clone(tmp_path)
    (folder / "tests" / "data" / "pages" / "pressenza-2022-04-19.html").unlink()
    before = (folder / "events.yaml").read_bytes()
    result = build(folder, f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    assert result.returncode == 1
    assert "error: tests/data/pages/pressenza-2022-04-19.html is missing" in result.stderr
    assert (folder / "events.yaml").read_bytes() == before


def test_a_step_that_fails_midway_leaves_the_store_and_no_temporary_file(tmp_path):
    """When a command fails partway through the build (here the first `timeline add-source`, after the gazetteer is built), events.yaml is untouched
    and the half-built temporary store is removed."""
    folder = clone(tmp_path)
    shims = tmp_path / "bin"
    shims.mkdir()
    # A `timeline` whose add-source fails, as a broken install would.
    (shims / "timeline").write_text(
        f'#!/bin/sh\n[ "$1" = add-source ] && {{ echo "error: broken" >&2; exit 1; }}\nexec "{sys.executable}" -m timeline "$@"\n')
    (shims / "timeline").chmod(0o755)
    before = (folder / "events.yaml").read_bytes()
    result = build(folder, f"{shims}{os.pathsep}{os.environ['PATH']}")
    assert result.returncode != 0
    assert (folder / "events.yaml").read_bytes() == before
    assert [p.name for p in folder.iterdir() if p.name.startswith(".build-timeline")] == []
