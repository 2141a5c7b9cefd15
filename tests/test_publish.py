"""Readers keep working while `fiscal load` and `fiscal build` republish; every answer is one version."""

from __future__ import annotations

import subprocess
import sys
import time
from decimal import Decimal

from loaders import cli
from loaders.publish import work_path

from .conftest import CORPUS, REAL, build_warehouse

# mode "held": one read-only connection opened before the republish and kept; mode "new": a fresh
# read-only connection per query (in its own process: DuckDB shares one instance per file in a process).
READER = r"""
import sys, time, duckdb, pathlib
mode, db, out, stop = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3]), pathlib.Path(sys.argv[4])
SQL = "select (select count(*) from marts.dim_document), (select sum(expense_total_wan) from marts.mart_unit_year)"
held = duckdb.connect(db, read_only=True) if mode == "held" else None
lines = []
deadline = time.time() + 120
while not stop.exists() and time.time() < deadline:
    try:
        con = held or duckdb.connect(db, read_only=True)
        lines.append("%s %s" % con.execute(SQL).fetchone())
        if con is not held:
            con.close()
    except Exception as exc:
        lines.append("ERROR %s: %s" % (type(exc).__name__, exc))
    time.sleep(0.02)
out.write_text("\n".join(lines))
"""


def test_readers_see_one_complete_version_while_republishing(tmp_path):
    db = build_warehouse(tmp_path / "w.duckdb", CORPUS / REAL)
    stop = tmp_path / "stop"
    readers = {
        mode: subprocess.Popen([sys.executable, "-c", READER, mode, str(db), str(tmp_path / mode), str(stop)])
        for mode in ("held", "new")
    }
    time.sleep(1.5)
    assert cli.load([str(CORPUS / "yuan-retitled.md")], db, quiet=True) == 0
    assert cli.build(db) == 0
    time.sleep(1.0)
    stop.touch()
    answers = {}
    for mode, reader in readers.items():
        assert reader.wait(timeout=60) == 0
        answers[mode] = (tmp_path / mode).read_text().splitlines()
        assert answers[mode] and not [a for a in answers[mode] if a.startswith("ERROR")]
    one, two = f"1 {Decimal('3797.750000')}", f"2 {Decimal('7595.500000')}"
    assert set(answers["held"]) == {one}  # the version it opened, to the end
    assert set(answers["new"]) == {one, two}  # the old version, then the new one; nothing in between
    assert answers["new"][-1] == two
    assert work_path(db).exists()  # the writer's own copy; readers never open it
