"""The HTML report in headless Chromium: no console errors, no failed (or remote) requests, charts drawn,
and the numbers printed on the pages equal the marts. Screenshots go to test-artifacts/ (not committed)."""

from __future__ import annotations

import re
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from loaders import cli

from .conftest import query

ARTIFACTS = Path(__file__).parents[1] / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# JS: per chart, the bars ECharts holds (series × points) and how many canvas pixels are painted.
CHARTS_JS = """() => Array.from(document.querySelectorAll('.chart')).map(el => {
  const chart = echarts.getInstanceByDom(el);
  const option = chart.getOption();
  const canvas = el.querySelector('canvas');
  const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let painted = 0;
  for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
  return {id: el.id, series: option.series.map(s => [s.type, (s.data || []).length]), painted};
})"""


@pytest.fixture(scope="module")
def site(real_db, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("report")
    assert cli.main(["--db", str(real_db), "report", "--out", str(out)]) == 0
    return out


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Chromium not found (apt-get install chromium); .ci/run installs it")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def visit(browser, page_path: Path, shot: str):
    page = browser.new_page(viewport={"width": 1366, "height": 900})
    errors, failed, remote = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("request", lambda r: remote.append(r.url) if not r.url.startswith("file://") else None)
    page.goto(page_path.as_uri())
    page.wait_for_function("() => typeof echarts !== 'undefined'")
    page.wait_for_timeout(600)
    charts = page.evaluate(CHARTS_JS)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / shot), full_page=True)
    page.close()
    assert (errors, failed, remote) == ([], [], [])
    return {c["id"]: c for c in charts}


def test_index_page_in_chromium(site, browser, real_db):
    charts = visit(browser, site / "index.html", "index.png")
    assert charts["expense-by-unit"]["series"] == [["bar", 1]] and charts["expense-by-unit"]["painted"] > 1000


def test_unit_page_in_chromium(site, browser, real_db):
    (document_id,) = query(real_db, "select document_id from marts.dim_document")[0]
    charts = visit(browser, site / "units" / f"{document_id}.html", "unit.png")
    assert charts["income"]["series"] == [["bar", 1]]
    assert charts["expense-class"]["series"] == [["bar", 5], ["bar", 5]]
    assert charts["expense-treemap"]["series"] == [["treemap", 5]]
    assert charts["econ"]["series"] == [["bar", 3], ["bar", 3]]
    assert charts["three-public"]["series"] == [["bar", 4], ["bar", 4], ["bar", 4]]
    assert charts["budget"]["series"] == [["bar", 12], ["bar", 12]]
    assert all(c["painted"] > 1000 for c in charts.values())


def values(html: str) -> list[Decimal]:
    return [Decimal(v) for v in re.findall(r'data-value="([-0-9.E+]+)"', html)]


def test_numbers_on_pages_equal_the_marts(site, real_db):
    (document_id,) = query(real_db, "select document_id from marts.dim_document")[0]
    unit_html = (site / "units" / f"{document_id}.html").read_text(encoding="utf-8")
    cards = values(unit_html.split("</section>")[0])
    mart = query(
        real_db,
        """select income_total_wan, expense_total_wan, basic_wan, project_wan, personnel_wan,
                                    public_use_wan, three_public_actual_wan, expense_total_prior_stated_wan
                             from marts.mart_unit_year""",
    )[0]
    assert cards == list(mart)
    projects = unit_html.split("<h2>项目支出</h2>")[1].split("</section>")[0]
    assert values(projects) == [
        a for (a,) in query(real_db, "select amount_wan from marts.fct_project_spending order by source_line")
    ]
    indicators = unit_html.split("绩效指标（复核得分与报告得分）")[1].split("</section>")[0]
    rows = query(
        real_db,
        """select weight, score_reported, score_recomputed from marts.fct_performance_indicator
                             order by evaluation_index, indicator_index""",
    )
    assert values(indicators) == [v for row in rows for v in row if v is not None]
    index_html = (site / "index.html").read_text(encoding="utf-8")
    assert values(index_html) == list(
        query(
            real_db,
            """select income_total_wan, expense_total_wan, three_public_actual_wan
                                                        from marts.mart_unit_year""",
        )[0]
    )
    compare = (site / "compare" / "2024.html").read_text(encoding="utf-8")
    assert Decimal("1500.2") in values(compare) and "人员经费占基本支出" in compare


@pytest.fixture(scope="module")
def two_years(tmp_path_factory) -> Path:
    from .conftest import CORPUS, REAL, build_warehouse
    from .test_multi_year import year_earlier

    root = tmp_path_factory.mktemp("two_years")
    earlier = root / "2023.md"
    earlier.write_text(year_earlier((CORPUS / REAL).read_text(encoding="utf-8")), encoding="utf-8")
    return build_warehouse(root / "w.duckdb", CORPUS / REAL, earlier)


def test_trend_page_when_several_years_loaded(two_years, tmp_path):
    db = two_years
    assert cli.main(["--db", str(db), "report", "--out", str(tmp_path / "site")]) == 0
    (trend,) = (tmp_path / "site" / "trend").glob("*.html")
    html = trend.read_text(encoding="utf-8")
    assert "2210203" in html and Decimal("4.51") in values(html)


def test_pages_and_workbooks_same_whatever_the_batch(two_years, tmp_path, monkeypatch):
    """Unit pages and workbooks read their rows for a batch of documents at a time: one document per
    batch gives the same files as both in one batch."""
    from openpyxl import load_workbook

    from loaders import batches

    outputs = {}
    for size in (1, 500):
        monkeypatch.setattr(batches, "BATCH_SIZE", size)
        site, books = tmp_path / f"site{size}", tmp_path / f"xlsx{size}"
        assert cli.main(["--db", str(two_years), "report", "--out", str(site)]) == 0
        assert cli.main(["--db", str(two_years), "export", "xlsx", str(books)]) == 0
        pages = {p.name: p.read_text(encoding="utf-8") for p in (site / "units").glob("*.html")}
        sheets = {
            (p.name, ws.title): [list(r) for r in ws.iter_rows(values_only=True)]
            for p in books.glob("*.xlsx")
            for ws in load_workbook(p).worksheets
        }
        outputs[size] = pages, sheets
    pages, sheets = outputs[500]
    assert len(pages) == 2 and len({name for name, _ in sheets}) == 2
    assert outputs[1] == outputs[500]
