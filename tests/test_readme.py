"""The README's sessions are real: each `$ ` command of its examples, run in a fresh folder that holds only
what a clone holds, prints exactly what the README shows and exits as it says ("exit N" after the output;
0 when nothing is said). The benchmark sessions are left out: their numbers are measurements, not promises.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
# The commands that start a store of their own; every other session works on a copy of the shipped one.
STARTS_A_STORE = ("timeline add ", "timeline add-source ")


def sessions() -> list[tuple[str, list[tuple[str, list[str], int]]]]:
    """Each fenced block of `$ ` commands: its first command, then (command, expected lines, exit code)."""
    found = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", README, re.S):
        steps: list[tuple[str, list[str], int]] = []
        for line in block.splitlines():
            if line.startswith("$ "):
                steps.append((line[2:], [], 0))
            elif steps:
                steps[-1][1].append(line)
        if not steps or steps[0][0].startswith("python benchmarks/"):
            continue
        final = []
        for command, lines, _ in steps:
            code = 0
            while lines and not lines[-1]:
                lines.pop()  # a blank line between commands is the README's, not the output's
            if lines and re.fullmatch(r"\(?exit \d+\)?", lines[-1]):
                code = int(lines.pop().strip("()").split()[1])
            final.append((command, lines, code))
        found.append((steps[0][0], final))
    return found


@pytest.mark.parametrize("session", sessions(), ids=lambda s: s[0][:60])
def test_readme_session_prints_what_the_readme_shows(session, tmp_path):
    """Every command of the session, run in order in a fresh folder with the repository's files, prints
    the README's lines (stdout and stderr together) and exits with the code the README gives."""
    first, steps = session
    for name in ("tests", "docs"):
        (tmp_path / name).symlink_to(ROOT / name)
    if not first.startswith(STARTS_A_STORE):
        shutil.copy(ROOT / "events.yaml", tmp_path / "events.yaml")
    env = {k: v for k, v in os.environ.items() if k not in ("TIMELINE_FILE", "COLUMNS")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    env["PYTHONUNBUFFERED"] = "1"  # stdout and stderr interleave as on a terminal
    for command, expected, code in steps:
        done = subprocess.run(["bash", "-o", "pipefail", "-c", command], cwd=tmp_path, env=env, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120, check=False)
        shown = done.stdout.rstrip("\n").split("\n") if done.stdout.strip() else []
        assert (shown, done.returncode) == (expected, code), f"$ {command}"
