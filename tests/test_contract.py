"""The analyst contract: every mart column exists as documented, with a Chinese term, and amounts are DECIMAL."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .conftest import build_warehouse, query
from .test_forms import T02, extra_column

MARTS_YML = Path(__file__).parent.parent / "models" / "marts" / "_marts__models.yml"
CJK = re.compile(r"[\u4e00-\u9fff]")
CONTRACT = {
    "dim_unit": ["unit_id", "unit_name", "unit_alias"],
    "dim_document": [
        "document_id",
        "unit_id",
        "unit_name",
        "fiscal_year",
        "doc_kind",
        "title",
        "source_file",
        "content_sha256",
        "source_amount_unit",
    ],
    "dim_function_subject": ["subject_code", "subject_name", "subject_level", "parent_code", "class_code"],
    "dim_econ_class": ["econ_code", "econ_name", "econ_level", "parent_code", "cost_group"],
    "fct_income": ["document_id", "unit_id", "fiscal_year", "subject_code", "income_source", "amount_wan"],
    "fct_expense": [
        "document_id",
        "unit_id",
        "fiscal_year",
        "fund_scope",
        "subject_code",
        "expense_kind",
        "amount_wan",
    ],
    "fct_basic_expense_econ": ["document_id", "unit_id", "fiscal_year", "econ_code", "cost_group", "amount_wan"],
    "fct_fiscal_grant": [
        "document_id",
        "unit_id",
        "fiscal_year",
        "side",
        "line_item",
        "subject_code",
        "fund",
        "amount_wan",
    ],
    "fct_three_public": ["document_id", "unit_id", "fiscal_year", "item", "budget_wan", "actual_wan"],
    "fct_statement": [
        "document_id",
        "unit_id",
        "fiscal_year",
        "statement_key",
        "amount_wan",
        "percent",
        "source_line",
        "quote",
    ],
    "fct_budget_execution": [
        "document_id",
        "unit_id",
        "fiscal_year",
        "subject_code",
        "subject_path_text",
        "original_budget_wan",
        "final_wan",
        "completion_pct",
        "reason",
    ],
    "fct_project_spending": ["document_id", "unit_id", "fiscal_year", "project_name", "amount_wan", "outcome_text"],
    "fct_project_evaluation": [
        "document_id",
        "unit_id",
        "fiscal_year",
        "project_name",
        "supervising_department",
        "implementing_unit",
        "project_category",
        "budget_wan",
        "executed_wan",
        "execution_rate",
        "score_reported",
    ],
    "fct_performance_indicator": [
        "document_id",
        "unit_id",
        "fiscal_year",
        "project_name",
        "level1",
        "level2",
        "indicator",
        "target_text",
        "target_op",
        "target_value",
        "target_unit",
        "actual_text",
        "actual_value",
        "actual_unit",
        "weight",
        "score_reported",
        "score_recomputed",
    ],
    "mart_unit_year": [
        "unit_id",
        "unit_name",
        "fiscal_year",
        "income_total_wan",
        "expense_total_wan",
        "basic_wan",
        "project_wan",
        "personnel_wan",
        "public_use_wan",
        "three_public_budget_wan",
        "three_public_actual_wan",
    ],
}


def warehouse_columns(db) -> dict[str, list[tuple[str, str]]]:
    rows = query(
        db,
        """select table_name, column_name, data_type from information_schema.columns
           where table_schema = 'marts' order by table_name, ordinal_position""",
    )
    out: dict[str, list[tuple[str, str]]] = {}
    for table, column, dtype in rows:
        out.setdefault(table, []).append((column, dtype))
    return out


def test_every_mart_column_documented_in_chinese(real_db):
    documented = {m["name"]: m for m in yaml.safe_load(MARTS_YML.read_text(encoding="utf-8"))["models"]}
    built = warehouse_columns(real_db)
    assert set(built) == set(documented)
    for table, columns in built.items():
        docs = {c["name"]: c.get("description", "") for c in documented[table]["columns"]}
        assert [c for c, _ in columns] == list(docs), table
        assert CJK.search(documented[table]["description"]), table
        undocumented = [c for c, text in docs.items() if not CJK.search(text)]
        assert undocumented == [], (table, undocumented)


def test_contract_columns_and_decimal_amounts(real_db):
    built = warehouse_columns(real_db)
    for table, columns in CONTRACT.items():
        names = [c for c, _ in built[table]]
        assert names[: len(columns)] == columns, table
    amounts = {(t, c): d for t, cols in built.items() for c, d in cols if c.endswith("_wan")}
    assert amounts and set(amounts.values()) == {"DECIMAL(22,6)"}, amounts


def test_no_floating_point_anywhere_in_marts(real_db):
    floats = query(
        real_db,
        """select table_name, column_name, data_type from information_schema.columns
           where table_schema in ('marts', 'intermediate') and data_type in ('DOUBLE', 'FLOAT', 'REAL')""",
    )
    assert floats == []


def test_table02_columns_of_other_kinds_stay_out_of_the_income_fact(tmp_path, real_db):
    """Table 02 with a 年初结转和结余 column and an unnamed one (其他资金): neither is an income source, so neither
    enters fct_income (both had, and its accepted-values test failed the build); every source keeps its amounts."""
    lines = extra_column(T02, "其他资金", 7, extra_column(T02, "年初结转和结余", 0))
    path = tmp_path / "extra-columns.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    db = build_warehouse(tmp_path / "extra-columns.duckdb", path)
    sql = "select income_source, sum(amount_wan) from marts.fct_income group by all order by all"
    assert query(db, sql) == query(real_db, sql)
    staged = "select distinct column_key from raw.subject_lines where column_key in ('carryover_begin', 'col8')"
    staged += " order by 1"
    assert query(db, staged) == [("carryover_begin",), ("col8",)]
