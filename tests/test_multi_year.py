"""Several years of one unit: year-on-year change from loaded facts beside the change the document states."""

from __future__ import annotations

from decimal import Decimal

import pytest

from .conftest import CORPUS, REAL, build_warehouse, query


def year_earlier(text: str) -> str:
    """The real document moved back one year, with 购房补贴 lower in tables 03 and 05: a plausible 2023 filing."""
    for year in ("2023", "2024", "2025"):
        text = text.replace(year, str(int(year) - 1))
    lines = text.splitlines()
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) > 5 and cells[1] == "购房补贴" and cells[4] == "24.51":
            cells[4] = cells[5] = "20.00"
            lines[i] = "\t".join(cells)
    return "\n".join(lines)


@pytest.fixture(scope="module")
def two_years(tmp_path_factory):
    root = tmp_path_factory.mktemp("two_years")
    earlier = root / "2023.md"
    earlier.write_text(year_earlier((CORPUS / REAL).read_text(encoding="utf-8")), encoding="utf-8")
    return build_warehouse(root / "w.duckdb", CORPUS / REAL, earlier)


def test_loaded_prior_year_beside_stated(two_years):
    rows = query(
        two_years,
        """select fiscal_year, expense_total_wan, expense_total_prior_loaded_wan, expense_total_change_loaded_wan,
                  expense_total_prior_stated_wan
           from marts.mart_unit_year order by fiscal_year""",
    )
    assert rows == [
        (2023, Decimal("3793.24"), None, None, Decimal("3295.68")),
        (2024, Decimal("3797.75"), Decimal("3793.24"), Decimal("4.51"), Decimal("3295.68")),
    ]
    assert query(two_years, "select document_count, first_fiscal_year, last_fiscal_year from marts.dim_unit") == [
        (2, 2023, 2024)
    ]


def test_subject_trend(two_years):
    rows = query(
        two_years,
        """select fiscal_year, amount_wan, prior_amount_wan, change_wan, change_pct from marts.mart_subject_trend
           where subject_code = '2210203' and fund_scope = 'all_funds' order by fiscal_year""",
    )
    assert rows == [
        (2023, Decimal("20.00"), None, None, None),
        (2024, Decimal("24.51"), Decimal("20.00"), Decimal("4.51"), Decimal("22.6")),
    ]
    unchanged = query(
        two_years,
        "select count(*) from marts.mart_subject_trend where fiscal_year = 2024 and change_wan = 0",
    )[0][0]
    assert unchanged == 11 * 2  # every 项 of tables 03 and 05 but 购房补贴


def filed_in_2018(text: str) -> str:
    """The real document as a 2018 filing, printing class 210 under its name of that time."""
    for year in ("2023", "2024", "2025"):
        text = text.replace(year, str(int(year) - 6))
    return text.replace("卫生健康支出", "医疗卫生与计划生育支出")


def test_function_subject_names_by_year(tmp_path):
    earlier = tmp_path / "2018.md"
    earlier.write_text(filed_in_2018((CORPUS / REAL).read_text(encoding="utf-8")), encoding="utf-8")
    db = build_warehouse(tmp_path / "w.duckdb", CORPUS / REAL, earlier)
    rows = query(
        db,
        """select fiscal_year, subject_name, reference_name, is_renamed, documents_printed
           from marts.dim_function_subject_year where subject_code = '210' order by fiscal_year""",
    )
    assert rows == [
        (2018, "医疗卫生与计划生育支出", "卫生健康支出", True, 1),
        (2024, "卫生健康支出", "卫生健康支出", False, 1),
    ]
    # a name table 03 cuts short is the full name printed in table 05, not a rename
    assert (
        query(db, "select subject_name, is_renamed from marts.dim_function_subject_year where subject_code = '2080505'")
        == [("机关事业单位基本养老保险缴费支出", False)] * 2
    )
    # the real document words 20604 its own way (技术与研究与开发; the list says 技术研究与开发): also flagged
    renamed = query(
        db,
        """select subject_code, list(fiscal_year order by fiscal_year), any_value(subject_name)
           from marts.dim_function_subject_year where is_renamed group by all order by all""",
    )
    assert renamed == [
        ("20604", [2018, 2024], "技术与研究与开发"),
        ("2060499", [2018, 2024], "其他技术与研究与开发支出"),
        ("210", [2018], "医疗卫生与计划生育支出"),
    ]
    assert query(db, "select count(*) from marts.dim_function_subject_year where fiscal_year = 2018") == query(
        db, "select count(*) from marts.dim_function_subject_year where fiscal_year = 2024"
    )
