"""Every number of the corpus truth files, read back from the marts the real pipeline builds."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import DOCUMENTS, query, truth

# Where a truth file contradicts its own document, the document wins and the difference is listed here.
TRUTH_ERRATA = {
    # Every date in yuan-retitled.md reads 2021 (title, tables, narrative); its truth file says 2023.
    ("yuan-retitled.md", "fiscal_year"): 2021,
}


def expected(name: str, key: str):
    return TRUTH_ERRATA.get((name, key), truth(name)[key])


def d(value) -> Decimal:
    return Decimal(str(value))


def one(db, sql, params=None):
    rows = query(db, sql, params)
    assert len(rows) == 1, rows
    return rows[0]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_unit_and_year(warehouses, name):
    db = warehouses[name]
    unit_name, alias, year, kind = one(
        db, "select unit_name, unit_alias, fiscal_year, doc_kind from marts.dim_document"
    )
    assert unit_name == expected(name, "unit_name")
    assert alias == expected(name, "unit_alias")
    assert year == expected(name, "fiscal_year")
    assert kind == "单位决算"
    assert one(db, "select unit_name, unit_alias from marts.dim_unit") == (unit_name, alias)


@pytest.mark.parametrize("name", DOCUMENTS)
def test_totals(warehouses, name):
    t = truth(name)["totals"]
    row = one(
        warehouses[name],
        """select income_total_wan, expense_total_wan, basic_wan, project_wan, personnel_wan, public_use_wan,
                  gpb_expense_wan from marts.mart_unit_year""",
    )
    keys = ["income_total", "expense_total", "basic", "project", "personnel", "public_use", "gpb_expense"]
    assert dict(zip(keys, row, strict=True)) == {k: d(t[k]) for k in keys}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_expense_by_class(warehouses, name):
    rows = query(
        warehouses[name],
        """select left(subject_code, 3), sum(amount_wan) from marts.fct_expense
           where fund_scope = 'all_funds' group by 1 order by 1""",
    )
    assert dict(rows) == {k: d(v) for k, v in truth(name)["expense_by_class"].items()}
    # The class lines of table 01 say the same.
    lines = query(
        warehouses[name],
        """select subject_code, amount_wan from marts.fct_fiscal_grant
           where source_table = '01' and line_item = 'class_expense' and amount_wan <> 0 order by 1""",
    )
    assert dict(lines) == {k: d(v) for k, v in truth(name)["expense_by_class"].items()}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_expense_leaves_all_funds(warehouses, name):
    rows = query(
        warehouses[name],
        """select subject_code, sum(amount_wan),
                  sum(amount_wan) filter (where expense_kind = 'basic'),
                  sum(amount_wan) filter (where expense_kind = 'project')
           from marts.fct_expense where fund_scope = 'all_funds' group by 1""",
    )
    got = {code: {"total": total, "basic": basic, "project": project} for code, total, basic, project in rows}
    want = {code: {k: d(v) for k, v in parts.items()} for code, parts in truth(name)["expense_leaf_all_funds"].items()}
    assert got == want


@pytest.mark.parametrize("name", DOCUMENTS)
def test_basic_expense_by_econ_class(warehouses, name):
    db, t = warehouses[name], truth(name)
    rows = query(db, "select econ_code, amount_wan from marts.fct_basic_expense_econ where amount_wan <> 0")
    assert dict(rows) == {k: d(v) for k, v in t["econ"].items()}
    classes = query(
        db,
        """select left(econ_code, 3), sum(amount_wan) from marts.fct_basic_expense_econ
           group by 1 having sum(amount_wan) <> 0""",
    )
    assert dict(classes) == {k: d(v) for k, v in t["econ_class"].items()}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_three_public(warehouses, name):
    db, t = warehouses[name], truth(name)["three_public"]
    items = dict(query(db, "select item, actual_wan from marts.fct_three_public"))
    assert items == {k: d(t[k]) for k in ("abroad", "vehicle_purchase", "vehicle_operation", "reception")}
    budget, actual = one(db, "select three_public_budget_wan, three_public_actual_wan from marts.mart_unit_year")
    assert (budget, actual) == (d(t["budget_total"]), d(t["actual_total"]))
    printed = one(db, "select three_public_actual_printed_wan from marts.mart_unit_year")[0]
    assert printed == d(t["actual_total"])


@pytest.mark.parametrize("name", DOCUMENTS)
def test_optional_tables_recorded(warehouses, name):
    status = dict(query(warehouses[name], "select table_code, table_status from staging.stg_raw__document_tables"))
    assert status == {
        **{c: "present" for c in ("01", "02", "03", "04", "05", "06", "09")},
        "07": "absent",
        "08": "empty",
    }
    notes = dict(
        query(warehouses[name], "select table_code, note from staging.stg_raw__document_tables where note is not null")
    )
    assert "政府性基金" in notes["07"] and "国有资本经营" in notes["08"]


def test_amount_unit_yuan_converted_without_loss(warehouses):
    db = warehouses["yuan-retitled.md"]
    assert one(db, "select source_amount_unit from marts.dim_document")[0] == "元"
    raw, wan = one(
        db,
        """select raw_text, amount_wan from marts.fct_expense
           where fund_scope = 'all_funds' and subject_code = '2010350' and expense_kind = 'basic'""",
    )
    assert raw == "8,098,100.00" and wan == Decimal("809.810000")
    column_type = one(
        db,
        """select data_type from information_schema.columns
           where table_schema = 'marts' and table_name = 'fct_expense' and column_name = 'amount_wan'""",
    )[0]
    assert column_type == "DECIMAL(22,6)"
