"""Serving: PostgreSQL target with a read-only role, Chinese-labelled views, Parquet and Excel exports,
and the example questions answered the same on DuckDB and PostgreSQL."""

from __future__ import annotations

import subprocess
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow.dataset as ds
import pytest
from openpyxl import load_workbook

from loaders import cli

from .conftest import DOCUMENTS, query

EXAMPLES = sorted((Path(__file__).parents[1] / "examples").glob("*.sql"))
READER = "analyst"
READER_PASSWORD = "read-only-pw"


def reader_url(admin_url: str) -> str:
    return admin_url.replace("fiscal_admin:admin-secret", f"{READER}:{READER_PASSWORD}")


@pytest.fixture(scope="module")
def published(real_db, postgres):
    assert (
        cli.main(["--db", str(real_db), "publish", "--postgres", postgres, "--reader", f"{READER}:{READER_PASSWORD}"])
        == 0
    )
    return postgres


def psql(url: str, sql: str) -> subprocess.CompletedProcess:
    return subprocess.run(["psql", url, "-v", "ON_ERROR_STOP=1", "-At", "-c", sql], capture_output=True, text=True)


def test_psql_reader_lists_tables_and_columns(published, real_db):
    result = psql(
        reader_url(published),
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in ('marts', 'cn') order by 1, 2",
    )
    assert result.returncode == 0, result.stderr
    listed = [line.split("|") for line in result.stdout.splitlines()]
    marts = [t for s, t in listed if s == "marts"]
    assert marts == sorted(
        t for (t,) in query(real_db, "select table_name from information_schema.tables where table_schema = 'marts'")
    )
    assert len([t for s, t in listed if s == "cn"]) == len(marts) and ["cn", "单位年度概览"] in listed
    types = psql(
        reader_url(published),
        "select data_type, numeric_precision, numeric_scale from information_schema.columns "
        "where table_schema = 'marts' and table_name = 'fct_expense' and column_name = 'amount_wan'",
    )
    assert types.stdout.strip() == "numeric|22|6"


@pytest.mark.parametrize(
    "statement",
    [
        "insert into marts.dim_fiscal_year values (1999, 0, 0)",
        "delete from marts.fct_expense",
        "create table marts.scratch (a int)",
        "create table public.scratch (a int)",
        'drop view cn."单位"',
    ],
)
def test_reader_is_refused_on_writes(published, statement):
    result = psql(reader_url(published), statement)
    assert result.returncode != 0 and ("permission denied" in result.stderr or "must be owner" in result.stderr)


def duckdb_rows(db: Path, sql: str) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchall()


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_same_on_duckdb_and_postgres(published, real_db, example):
    import psycopg

    sql = example.read_text(encoding="utf-8")
    with psycopg.connect(reader_url(published)) as pg:
        pg_rows = [tuple(r) for r in pg.execute(sql).fetchall()]
    assert pg_rows == duckdb_rows(real_db, sql) and pg_rows


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_run_in_psql_as_the_reader(published, real_db, example):
    sql = example.read_text(encoding="utf-8")
    result = psql(reader_url(published), sql)
    assert result.returncode == 0, result.stderr
    rows = [line.split("|") for line in result.stdout.splitlines()]
    expected = duckdb_rows(real_db, sql)
    assert len(rows) == len(expected) and [r[0] for r in rows] == [str(e[0]) for e in expected]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_examples_answer_on_every_layout(warehouses, name):
    answers = {p.stem: duckdb_rows(warehouses[name], p.read_text(encoding="utf-8")) for p in EXAMPLES}
    assert answers["rank_units_by_three_public"][0][2] == Decimal("4.230000")
    assert answers["personnel_share"][0][4] == Decimal("90.6")  # 1,250.60 of 1,380.92
    assert [(r[2], r[6]) for r in answers["budget_deviation"]] == [
        ("2010350", Decimal("76.0")),
        ("2010399", Decimal("-41.4")),
        ("2080506", Decimal("-25.0")),
    ]
    assert answers["subject_across_years"][0][4] == Decimal("1500.200000")
    assert [(r[2], r[7]) for r in answers["expense_structure"]] == [
        ("201", Decimal("76.4")),
        ("206", Decimal("8.6")),
        ("208", Decimal("8.4")),
        ("210", Decimal("3.6")),
        ("221", Decimal("3.1")),
    ]


def test_published_tables_equal_the_warehouse(published, real_db):
    """Every value of every mart arrives as it is in DuckDB (types, NULLs, decimal scale)."""
    import psycopg

    assert cli.main(["--db", str(real_db), "publish", "--postgres", published]) == 0
    tables = [t for (t,) in duckdb_rows(real_db, "select table_name from duckdb_tables() where schema_name = 'marts'")]
    assert len(tables) >= 10
    with psycopg.connect(published) as pg:
        for table in tables:
            expected = sorted(map(repr, duckdb_rows(real_db, f'select * from marts."{table}"')))
            assert sorted(map(repr, pg.execute(f'select * from marts."{table}"').fetchall())) == expected, table


def test_copy_keeps_empty_text_apart_from_null(postgres):
    import psycopg

    from loaders.postgres import _copy_table

    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute(
        """create table marts.t as select * from (values
           ('', null, 'a "quoted", two' || chr(10) || 'lines \\ backslash', 1.500000::decimal(18, 6)),
           (null, '', '', null)) v(a, b, c, d)"""
    )
    with psycopg.connect(postgres) as pg, pg.cursor() as cur:
        cur.execute("create temp table t (a text, b text, c text, d numeric(18, 6))")
        assert _copy_table(con, cur, "t", "copy t (a, b, c, d) from stdin (format csv)") == 2
        assert sorted(map(repr, cur.execute("select * from t").fetchall())) == sorted(
            map(repr, con.execute("select * from marts.t").fetchall())
        )
        pg.rollback()


def test_republish_replaces_data_and_keeps_readers(published, warehouses, monkeypatch):
    """While the new data is copied, the reader goes on reading the old data without waiting for a lock;
    after the commit it reads the new data."""
    import psycopg

    from loaders import postgres

    unit_names = "select unit_name from marts.dim_unit"
    with psycopg.connect(reader_url(published)) as pg:
        before = pg.execute(unit_names).fetchall()
    seen_during_copy = []
    copy_table = postgres._copy_table

    def copy_while_reading(*args):
        with psycopg.connect(reader_url(published), options="-c lock_timeout=2000") as reader:
            seen_during_copy.append(reader.execute(unit_names).fetchall())
        return copy_table(*args)

    monkeypatch.setattr(postgres, "_copy_table", copy_while_reading)
    db = warehouses["yuan-retitled.md"]
    assert cli.main(["--db", str(db), "publish", "--postgres", published]) == 0
    assert len(seen_during_copy) >= 10 and all(rows == before for rows in seen_during_copy)
    with psycopg.connect(reader_url(published)) as pg:
        assert pg.execute(unit_names).fetchall() == [("襄阳市政务数据服务中心",)] != before
        assert not pg.execute("select nspname from pg_namespace where nspname like '%publishing'").fetchall()


def test_cn_views_rename_every_mart_column(real_db):
    columns = query(
        real_db,
        "select table_schema, table_name, count(*) from information_schema.columns "
        "where table_schema in ('marts', 'cn') group by 1, 2",
    )
    marts = sorted(n for s, _, n in columns if s == "marts")
    assert sorted(n for s, _, n in columns if s == "cn") == marts
    row = query(real_db, 'select "单位名称", "年度", "本年支出合计（万元）" from cn."单位年度概览"')
    assert row == [("武汉市信息中心", 2024, Decimal("3797.750000"))]


def test_parquet_export_rereads_to_mart_totals(real_db, tmp_path):
    assert cli.main(["--db", str(real_db), "export", "parquet", str(tmp_path)]) == 0
    expense = ds.dataset(tmp_path / "fct_expense", partitioning="hive").to_table()
    assert str(expense.schema.field("amount_wan").type) == "decimal128(22, 6)"
    total = sum(v.as_py() for v in expense.filter(ds.field("fund_scope") == "all_funds")["amount_wan"])
    assert total == query(real_db, "select expense_total_wan from marts.mart_unit_year")[0][0]
    assert ds.dataset(tmp_path / "fct_expense", partitioning="hive").to_table()["fiscal_year"].to_pylist()[0] == 2024


def test_xlsx_export_rereads_to_mart_totals(real_db, tmp_path):
    assert cli.main(["--db", str(real_db), "export", "xlsx", str(tmp_path)]) == 0
    (book_path,) = tmp_path.glob("*.xlsx")
    book = load_workbook(book_path)
    assert len(book.sheetnames) == 8  # table 07 is not in the document
    sheet = book["03 支出决算表"]
    rows = list(sheet.iter_rows(min_row=3, values_only=True))
    assert rows[0][1] == "合计" and isinstance(rows[0][2], float)
    leaves = {r[0]: r for r in rows if r[0] and len(r[0]) == 7}
    assert (
        round(sum(r[3] for r in leaves.values()), 2) == 1380.92
        and round(sum(r[4] for r in leaves.values()), 2) == 2416.83
    )
    three = book["09 财政拨款“三公”经费支出决算表"]
    assert [c for c in next(three.iter_rows(min_row=4, values_only=True))][:2] == ["决算数", 4.23]
