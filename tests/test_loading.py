"""Reloads, corrected versions and malformed input: exactly one version's rows, nothing half-written."""

from __future__ import annotations

import re
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import duckdb

from loaders import cli
from loaders.bench import make_copies
from loaders.document import parse_document
from loaders.pipeline import interpret, parse_file
from loaders.staging import DOCUMENT_TABLES, Writer, connect, stage

from .conftest import CORPUS, REAL, query

REAL_TEXT = (CORPUS / REAL).read_text(encoding="utf-8")


def counts(db: Path) -> dict[str, int]:
    return {t: query(db, f"select count(*) from raw.{t}")[0][0] for t in DOCUMENT_TABLES}


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def test_same_file_twice_changes_nothing(tmp_path):
    db = tmp_path / "w.duckdb"
    assert cli.load([str(CORPUS / REAL)], db, quiet=True) == 0
    before = counts(db)
    assert cli.load([str(CORPUS / REAL)], db, quiet=True) == 0
    assert counts(db) == before
    assert query(db, "select status from raw.load_log order by logged_at") == [("loaded",), ("unchanged",)]


def test_reload_of_a_folder_parses_only_new_content(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    folder = tmp_path / "docs"
    folder.mkdir()
    write(folder, "2024.md", REAL_TEXT)
    assert cli.load([str(folder)], db, quiet=True) == 0
    write(folder, "2025.md", REAL_TEXT.replace("2024", "2025"))
    parsed = []
    parse = cli._parse
    monkeypatch.setattr(cli, "_parse", lambda path: parsed.append(path.name) or parse(path))
    assert cli.load([str(folder)], db, quiet=True) == 0
    assert parsed == ["2025.md"]
    assert query(db, "select source_file, status from raw.load_log order by logged_at, status") == [
        (str(folder / "2024.md"), "loaded"),
        (str(folder / "2024.md"), "unchanged"),
        (str(folder / "2025.md"), "loaded"),
    ]
    assert query(db, "select fiscal_year from raw.documents order by 1") == [(2024,), (2025,)]


def test_corrected_version_replaces_old_rows(tmp_path):
    db = tmp_path / "w.duckdb"
    original = write(tmp_path, "v1.md", REAL_TEXT)
    # The office republishes with one corrected cell in table 03 (事业运行 基本支出).
    fixed_text = REAL_TEXT.replace("20103\t事业运行\t\t\t1,500.20\t809.81", "20103\t事业运行\t\t\t1,500.20\t809.82", 1)
    assert fixed_text != REAL_TEXT
    fixed = write(tmp_path, "v2.md", fixed_text)
    assert cli.load([str(original)], db, quiet=True) == 0
    first = counts(db)
    assert cli.load([str(fixed)], db, quiet=True) == 0
    assert counts(db) == first
    assert query(db, "select source_file from raw.documents") == [(str(fixed),)]
    values = query(
        db,
        """select amount_wan from raw.subject_lines
           where table_code = '03' and subject_code = '2010350' and column_key = 'basic'""",
    )
    assert values == [(Decimal("809.820000"),)]


def test_malformed_files_fail_alone(tmp_path, capsys):
    db = tmp_path / "w.duckdb"
    lines = REAL_TEXT.splitlines()
    cut_at = next(i for i, line in enumerate(lines) if line.startswith("20805\t机关事业单位基本养老保险缴"))
    bad = {
        "empty.md": "",
        "binary.md": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "cut.md": "\n".join([*lines[:cut_at], lines[cut_at][:12]]),
        "notitle.md": "收入支出\n\n一些文字\n",
    }
    files = [write(tmp_path, name, text) for name, text in bad.items()] + [CORPUS / REAL]
    assert cli.load([str(f) for f in files], db, jobs=1, quiet=True) == len(bad)
    err = capsys.readouterr().err
    assert f"{tmp_path / 'empty.md'}: empty file" in err
    assert f"{tmp_path / 'binary.md'}: binary file" in err
    assert f"{tmp_path / 'cut.md'}: table 03 支出决算表 is cut off at line {cut_at + 1}" in err
    assert f"{tmp_path / 'notitle.md'}: no title" in err
    assert query(db, "select unit_name from raw.documents") == [("武汉市信息中心",)]
    failed = query(db, "select source_file, message from raw.load_log where status = 'failed' order by 1")
    assert [Path(f).name for f, _ in failed] == sorted(bad)


def test_implausible_amount_fails_the_document_with_its_reason(tmp_path, capsys):
    # 1.5 trillion 万元 in one cell: beyond any budget unit, and beyond raw's DECIMAL(18, 6).
    text = REAL_TEXT.replace("20103\t事业运行\t\t\t1,500.20", "20103\t事业运行\t\t\t1,500,000,000,000.20", 1)
    assert text != REAL_TEXT
    bad = write(tmp_path, "huge.md", text)
    db = tmp_path / "w.duckdb"
    assert cli.load([str(bad), str(CORPUS / "yuan-retitled.md")], db, quiet=True) == 1
    assert f"{bad}: amount 1500000000000.20 万元 is beyond 10^12 万元" in capsys.readouterr().err
    assert query(db, "select count(*) from raw.documents") == [(1,)]


def test_missing_table_is_reported_not_fatal(tmp_path, capsys):
    text = REAL_TEXT.split("2024 年度财政拨款“三公”经费支出决算表")[0]
    path = write(tmp_path, "no09.md", text)
    db = tmp_path / "w.duckdb"
    assert cli.load([str(path)], db, quiet=True) == 0
    assert "table 09 财政拨款“三公”经费支出决算表 not found" in query(db, "select warnings from raw.documents")[0][0]
    assert f"WARNING {path}: table 09 财政拨款“三公”经费支出决算表 not found" in capsys.readouterr().err
    assert query(db, "select status from raw.document_tables where table_code = '09'") == [("absent",)]


def test_a_table_without_its_unit_is_read_in_the_unit_the_others_state():
    """Only table 01 states 金额单位：元: the other tables are read in 元 too, and one warning names them and says so
    (one warning a table had said "assuming 万元" while converting from 元)."""
    text = (CORPUS / "yuan-retitled.md").read_text(encoding="utf-8")
    first = text.index("金额单位：元") + len("金额单位：元")
    text = text[:first] + re.sub(r"金额单位[:：] ?元", "", text[first:])
    parsed = interpret(parse_document("one-unit-line.md", text.encode("utf-8")))
    real = parse_file(CORPUS / "yuan-retitled.md")
    assert parsed.amount_unit == "元" and parsed.subjects == real.subjects
    unstated = [w for w in parsed.document.warnings if "no 金额单位 found" in w]  # one warning for them all
    assert unstated == [
        "tables 02, 03, 04, 05, 06, 08, 09: no 金额单位 found, assuming 元 (the unit the other tables state)"
    ]


def test_rows_with_amounts_and_no_code_are_reported():
    """A total worded as no known total (累计) is read as a row whose code cannot be recovered: it enters the facts
    without a code, so it is reported (it was silent)."""
    text = re.sub(r"(?m)^(\t*)合计\t", r"\1累计\t", REAL_TEXT)
    parsed = interpret(parse_document("other-total.md", text.encode("utf-8")))
    uncoded = [w for w in parsed.document.warnings if "no subject code" in w]
    assert [w[:9] for w in uncoded] == ["table 02:", "table 03:", "table 05:"]
    assert all("1 row with amounts and no subject code (first: '累计' at line" in w for w in uncoded)
    assert not [w for w in parse_file(CORPUS / REAL).document.warnings if "no subject code" in w]


def test_messages_on_long_loads_start_their_own_line(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    files = make_copies(60, folder)
    files[30].write_text(files[30].read_text(encoding="utf-8").split("2024 年度财政拨款“三公”经费支出决算表")[0])
    files[45].write_bytes(b"")
    monkeypatch.setattr(cli._Progress, "every", 20)
    assert cli.load([str(folder)], tmp_path / "w.duckdb", jobs=1) == 1
    lines = capsys.readouterr().err.split("\n")
    updates = [part.split()[0] for line in lines for part in line.split("\r") if "documents parsed" in part]
    assert updates == ["20/60", "40/60", "60/60"]
    assert f"WARNING {files[30]}: table 09 财政拨款“三公”经费支出决算表 not found" in lines
    assert f"ERROR {files[45]}: empty file" in lines


def test_failed_write_leaves_nothing_half_written(tmp_path, monkeypatch):
    db = tmp_path / "w.duckdb"
    con = connect(str(db))
    writer = Writer(con)
    original = Writer._insert

    def failing(self, name, rows):
        if name == "econ_lines":
            raise RuntimeError("disk full")
        original(self, name, rows)

    monkeypatch.setattr(Writer, "_insert", failing)
    from loaders.pipeline import parse_file

    assert writer.add(stage(parse_file(CORPUS / REAL))) == []
    ((_, status, error),) = writer.flush()
    con.close()
    assert status == "failed" and error == "could not write to staging: disk full"
    assert set(counts(db).values()) == {0}


def test_cli_exit_code_and_message(tmp_path):
    empty = write(tmp_path, "empty.md", "")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "loaders.cli",
            "--db",
            str(tmp_path / "w.duckdb"),
            "load",
            str(empty),
            str(CORPUS / REAL),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert f"ERROR {empty}: empty file" in result.stderr
    assert "1 failed, 1 loaded" in result.stdout


def test_a_warehouse_of_another_version_is_refused_and_not_built(tmp_path):
    """raw tables another version of the loaders created: `fiscal run` says so and stops (it went on to a dbt build
    of the old tables, a page of errors under the message)."""
    db = tmp_path / "old.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("create schema raw; create table raw.documents (document_id varchar)")
    result = subprocess.run(
        [sys.executable, "-m", "loaders.cli", "--db", str(db), "run", str(CORPUS / REAL)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.splitlines() == [
        f"fiscal: {tmp_path / 'old.work.duckdb'}: raw.documents was created by another version of the loaders "
        "(columns differ); load the documents into a new warehouse file"
    ]
    assert query(db, "select count(*) from raw.documents") == [(0,)]


def test_gbk_and_utf16_files_load_like_utf8(tmp_path, capsys):
    """Chinese office files are often GB18030/GBK, or UTF-16 with a byte-order mark: the same rows as UTF-8."""
    encoded = {
        "gbk.md": REAL_TEXT.encode("gb18030"),
        "utf16.md": REAL_TEXT.encode("utf-16"),
        "utf8.md": REAL_TEXT.encode("utf-8"),
    }
    staged = {}
    for name, data in encoded.items():
        path = write(tmp_path, name, data)
        parsed = stage(parse_file(path))
        staged[name] = {t: text for t, text in parsed.rows.items() if t != "documents"}, parsed.warnings
    assert staged["gbk.md"] == (staged["utf8.md"][0], ["decoded as GB18030 (GBK): the file is not UTF-8"])
    assert staged["utf16.md"] == staged["utf8.md"] and staged["utf8.md"][1] == []
    db = tmp_path / "w.duckdb"
    assert cli.load([str(tmp_path / "gbk.md")], db, quiet=True) == 0
    assert f"WARNING {tmp_path / 'gbk.md'}: decoded as GB18030" in capsys.readouterr().err
    assert query(db, "select unit_name, warnings from raw.documents") == [
        ("武汉市信息中心", "decoded as GB18030 (GBK): the file is not UTF-8")
    ]
