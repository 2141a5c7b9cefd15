"""`fiscal check`: the per-document summary, the Great Expectations suites and offline Data Docs."""

from __future__ import annotations

import re

from loaders import cli
from loaders.check import summary, validate
from loaders.planted import edit_row
from loaders.text import norm

from .conftest import CORPUS, REAL, build_warehouse


def test_summary_lists_the_real_findings(real_db):
    text = summary(real_db)
    assert text.splitlines()[0].startswith("武汉市信息中心 2024 (")
    assert "8 fail, 1 rounding" in text.splitlines()[0]
    for rule in ("WARNING P-07", "WARNING P-08", "WARNING P-09", "WARNING P-10", "rounding N-39"):
        assert rule in text


def test_suites_pass_and_data_docs_open_offline(real_db, tmp_path):
    success, index = validate(real_db, tmp_path / "docs")
    assert success and index.is_file()
    pages = list((tmp_path / "docs").rglob("*.html"))
    assert len(pages) >= 7  # index, three suites, three validation results
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]*(src|href)=\"https?://", html), page


def test_suites_fail_on_a_broken_identity(tmp_path):
    text = (CORPUS / REAL).read_text(encoding="utf-8")
    row = "合计\t\t\t\t3,797.75\t1,380.92\t2,416.83"  # table 05: 基本支出 合计 raised by 100
    cells = row.split("\t")
    line = text.split("\n").index(row) + 1
    broken = edit_row(text, line, [norm(c) for c in cells], lambda found: [*found[:5], "1,480.92", *found[6:]])
    path = tmp_path / "broken.md"
    path.write_text(broken, encoding="utf-8")
    db = build_warehouse(tmp_path / "w.duckdb", path)
    success, _ = validate(db, tmp_path / "docs")
    assert not success
    assert cli.main(["--db", str(db), "check", "--docs", str(tmp_path / "docs2")]) == 0  # findings inform, not fail
