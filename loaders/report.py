"""`fiscal report`: a static HTML site from the warehouse, usable offline (ECharts ships with the project).

Pages: an index of units and years; one page per unit and year (income, expense by class and 项, basic vs
project, personnel vs public-use, 三公, budget vs final, projects, indicators, reconciliation findings);
one comparison page per year; one trend page per unit with several years. Every printed amount carries its
exact value in ``data-value`` (万元), so tests can read the numbers back.
"""

from __future__ import annotations

import html
import json
import shutil
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

import duckdb

from .batches import batches, by_document
from .labels import INCOME_SOURCES, THREE_PUBLIC_ITEMS

ASSETS = Path(__file__).parent / "report_assets"
STATUS_NAMES = {"pass": "通过", "rounding": "尾差", "warning": "警告", "fail": "不符", "not checked": "未核对"}
STYLE = """
body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:0;color:#222;background:#f6f7f9}
header{background:#1f4e79;color:#fff;padding:14px 28px}header a{color:#cfe3f7}
main{max-width:1200px;margin:0 auto;padding:18px 28px}
section{background:#fff;border-radius:6px;padding:14px 18px;margin:0 0 18px;box-shadow:0 1px 2px #0001}
h1{font-size:22px;margin:0}h2{font-size:17px;margin:0 0 10px;color:#1f4e79}
table{border-collapse:collapse;width:100%;font-size:13px}th,td{border-bottom:1px solid #e4e7eb;padding:5px 8px}
th{background:#f0f3f7;text-align:left}td.num{text-align:right;font-variant-numeric:tabular-nums}
.chart{height:340px}.cards{display:flex;flex-wrap:wrap;gap:10px}
.card{flex:1 1 150px;background:#f0f5fb;border-radius:6px;padding:10px}.card b{display:block;font-size:19px}
.fail{color:#b00020}.rounding{color:#8a6d00}.pass{color:#1b7f3b}.warning{color:#b35c00}
"""

# What a unit page shows, read for a batch of documents at once: one scan of each table per batch, not one
# per page (a filter on document_id scans the whole fact table). Each query's first column is document_id.
UNIT_PAGE_QUERIES = {
    "income": """select document_id, income_source, sum(amount_wan) from marts.fct_income where {batch}
                 group by 1, 2 having sum(amount_wan) <> 0 order by 1, 3 desc, 2""",
    "classes": """select e.document_id, substr(e.subject_code, 1, 3), any_value(s.subject_name),
                         sum(e.amount_wan) filter (where e.expense_kind = 'basic'),
                         sum(e.amount_wan) filter (where e.expense_kind = 'project')
                  from marts.fct_expense e
                  left join marts.dim_function_subject s on s.subject_code = substr(e.subject_code, 1, 3)
                  where {batch} and e.fund_scope = 'all_funds' group by 1, 2 order by 1, 2""",
    "leaves": """select e.document_id, substr(e.subject_code, 1, 3), e.subject_code, any_value(s.subject_name),
                        sum(e.amount_wan)
                 from marts.fct_expense e left join marts.dim_function_subject s using (subject_code)
                 where {batch} and e.fund_scope = 'all_funds' group by 1, 2, 3 having sum(e.amount_wan) <> 0
                 order by 1, 3""",
    "econ": """select f.document_id, substr(f.econ_code, 1, 3), any_value(c.econ_name), f.cost_group, sum(f.amount_wan)
               from marts.fct_basic_expense_econ f
               left join marts.dim_econ_class c on c.econ_code = substr(f.econ_code, 1, 3)
               where {batch} group by 1, 2, 4 having sum(f.amount_wan) <> 0 order by 1, 2, 4""",
    "three_public": """select document_id, item, budget_wan, actual_wan, prior_year_actual_stated_wan
                       from marts.fct_three_public where {batch} order by 1, 2""",
    "budget": """select b.document_id, b.subject_code, s.subject_name, b.original_budget_wan, b.final_wan,
                        b.completion_pct
                 from marts.fct_budget_execution b left join marts.dim_function_subject s using (subject_code)
                 where {batch} order by 1, b.source_line""",
    "projects": """select document_id, project_name, amount_wan, outcome_text from marts.fct_project_spending
                   where {batch} order by 1, source_line""",
    "indicators": """select document_id, project_name, indicator, target_text, actual_text, weight, score_reported,
                            score_recomputed, score_rule
                     from marts.fct_performance_indicator where {batch}
                     order by 1, evaluation_index, indicator_index""",
    "findings": """select document_id, rule_id, rule_title, status, message, source_ref from marts.rpt_reconciliation
                   where {batch} and status in ('fail', 'rounding') order by 1, status, rule_id, source_ref""",
    "counts": """select document_id, status, count(*) from marts.rpt_reconciliation where {batch}
                 group by 1, 2 order by 1, 2""",
}


def money(value) -> str:
    return "" if value is None else f"{Decimal(value):,.2f}"


def num_cell(value, unit: str = "") -> str:
    exact = "" if value is None else str(Decimal(value).normalize())
    return f'<td class="num" data-value="{exact}">{money(value)}{unit}</td>'


def page(title: str, body: str, depth: int) -> str:
    up = "../" * depth
    return f"""<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><style>{STYLE}</style>
<script src="{up}assets/echarts.min.js"></script></head><body>
<header><h1>{html.escape(title)}</h1><a href="{up}index.html">决算公开数据仓库 · 首页</a></header>
<main>{body}</main></body></html>"""


def chart(chart_id: str, option: dict, title: str) -> str:
    """A section with an ECharts chart (canvas renderer); the option is embedded as JSON."""
    return f"""<section><h2>{html.escape(title)}</h2><div class="chart" id="{chart_id}"></div>
<script>echarts.init(document.getElementById("{chart_id}")).setOption({_json(option)});</script>
</section>"""


def _json(option: dict) -> str:
    return json.dumps(option, ensure_ascii=False, default=float)


def bars(categories: list[str], series: dict[str, list], stack: bool = False, horizontal: bool = False) -> dict:
    axis_c = {
        "type": "category",
        "data": categories,
        "axisLabel": {"interval": 0, "width": 110, "overflow": "truncate"},
    }
    axis_v = {"type": "value", "name": "万元"}
    return {
        "tooltip": {"trigger": "axis"},
        "legend": {"top": 0},
        "grid": {"left": 120 if horizontal else 60, "right": 30, "top": 40, "bottom": 60, "containLabel": True},
        "xAxis": axis_v if horizontal else axis_c,
        "yAxis": axis_c if horizontal else axis_v,
        "series": [
            {
                "type": "bar",
                "name": name,
                "data": [float(v or 0) for v in values],
                **({"stack": "total"} if stack else {}),
            }
            for name, values in series.items()
        ],
    }


def table(headers: list[str], rows: list[str]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def text_cell(value) -> str:
    return f"<td>{html.escape('' if value is None else str(value))}</td>"


class Report:
    def __init__(self, db: Path, out: Path):
        self.con = duckdb.connect(str(db), read_only=True)
        self.out = out

    def rows(self, sql: str, params: list | None = None) -> list[tuple]:
        return self.con.execute(sql, params or []).fetchall()

    def write(self, relative: str, content: str) -> Path:
        path = self.out / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return path

    def build(self) -> Path:
        (self.out / "assets").mkdir(parents=True, exist_ok=True)
        shutil.copy(ASSETS / "echarts.min.js", self.out / "assets" / "echarts.min.js")
        years = self.rows(
            """select document_id, unit_id, unit_name, fiscal_year, doc_kind, income_total_wan, expense_total_wan,
                      three_public_actual_wan, reconciliation_status, reconciliation_failures,
                      basic_wan, project_wan, personnel_wan, public_use_wan, expense_total_prior_stated_wan
               from marts.mart_unit_year order by unit_name, fiscal_year"""
        )
        for batch in batches(years):
            ids = [row[0] for row in batch]
            data = {name: by_document(self.con, sql, ids) for name, sql in UNIT_PAGE_QUERIES.items()}
            for row in batch:
                self.unit_page(row, {name: rows.get(row[0], []) for name, rows in data.items()})
        by_year = defaultdict(list)
        by_unit = defaultdict(list)
        for row in years:
            by_year[row[3]].append(row)
            by_unit[row[1]].append(row)
        for year, units in by_year.items():
            self.compare_page(year, units)
        for unit_id, docs in by_unit.items():
            if len(docs) > 1:
                self.trend_page(unit_id, docs)
        index = self.index_page(years, sorted(by_year), {u for u, d in by_unit.items() if len(d) > 1})
        self.con.close()
        return index

    def index_page(self, years, year_list, trended) -> Path:
        rows = [
            "<tr>"
            + f'<td><a href="units/{d}.html">{html.escape(unit)}</a></td>'
            + text_cell(year)
            + text_cell(kind)
            + num_cell(income)
            + num_cell(expense)
            + num_cell(tp)
            + f'<td class="{status.split()[0]}">{STATUS_NAMES.get(status, status)}（{failures}）</td>'
            + (f'<td><a href="trend/{unit_id}.html">趋势</a></td>' if unit_id in trended else "<td></td>")
            + "</tr>"
            for d, unit_id, unit, year, kind, income, expense, tp, status, failures, *_ in years
        ]
        links = " ".join(f'<a href="compare/{y}.html">{y} 年度单位对比</a>' for y in year_list)
        body = (
            f"<section><h2>已加载的单位与年度</h2><p>{links}</p>"
            + table(
                ["单位", "年度", "类型", "收入合计（万元）", "支出合计（万元）", "“三公”经费决算（万元）", "对账", ""],
                rows,
            )
            + "</section>"
            + chart(
                "expense-by-unit",
                bars([f"{r[2]} {r[3]}" for r in years], {"支出合计": [r[6] for r in years]}),
                "各单位支出合计（万元）",
            )
        )
        return self.write("index.html", page("决算公开数据仓库", body, 0))

    def unit_page(self, row, data: dict[str, list[tuple]]) -> None:
        (
            document_id,
            _,
            unit,
            year,
            kind,
            income,
            expense,
            tp_actual,
            *_,
            basic,
            project,
            personnel,
            public_use,
            prior,
        ) = row
        cards = "".join(
            f'<div class="card">{label}<b data-value="{Decimal(v or 0).normalize()}">{money(v)}</b>万元</div>'
            for label, v in [
                ("收入合计", income),
                ("支出合计", expense),
                ("基本支出", basic),
                ("项目支出", project),
                ("人员经费", personnel),
                ("公用经费", public_use),
                ("“三公”经费决算", tp_actual),
                ("上年支出合计（说明）", prior),
            ]
        )
        parts = [f'<section><h2>{html.escape(unit)} {year} 年度{kind}</h2><div class="cards">{cards}</div></section>']
        income_rows = data["income"]
        parts.append(
            chart(
                "income",
                bars([INCOME_SOURCES.get(s, s) for s, _ in income_rows], {"收入": [a for _, a in income_rows]}),
                "收入来源（万元）",
            )
        )
        classes = data["classes"]
        parts.append(
            chart(
                "expense-class",
                bars(
                    [f"{c} {n}" for c, n, *_ in classes],
                    {"基本支出": [b for *_, b, _ in classes], "项目支出": [p for *_, p in classes]},
                    stack=True,
                    horizontal=True,
                ),
                "支出功能分类（类）：基本支出与项目支出（万元）",
            )
        )
        leaves = data["leaves"]
        tree = defaultdict(list)
        for cls, code, name, amount in leaves:
            tree[cls].append({"name": f"{code} {name}", "value": float(amount)})
        class_names = {c: n for c, n, *_ in classes}
        parts.append(
            chart(
                "expense-treemap",
                {
                    "tooltip": {},
                    "series": [
                        {
                            "type": "treemap",
                            "leafDepth": 2,
                            "data": [
                                {"name": f"{c} {class_names.get(c, '')}", "children": kids} for c, kids in tree.items()
                            ],
                        }
                    ],
                },
                "支出结构：类 → 项（万元）",
            )
        )
        econ = data["econ"]
        parts.append(
            chart(
                "econ",
                bars(
                    [f"{c} {n}" for c, n, *_ in econ],
                    {
                        "人员经费": [a if g == "人员经费" else 0 for _, _, g, a in econ],
                        "公用经费": [a if g == "公用经费" else 0 for _, _, g, a in econ],
                    },
                    stack=True,
                ),
                "基本支出经济分类：人员经费与公用经费（万元）",
            )
        )
        tp = data["three_public"]
        series = {"预算数": [b for _, b, _, _ in tp], "决算数": [a for _, _, a, _ in tp]}
        if any(p is not None for *_, p in tp):
            series["上年决算（说明）"] = [p for *_, p in tp]
        parts.append(
            chart("three-public", bars([THREE_PUBLIC_ITEMS.get(i, i) for i, *_ in tp], series), "“三公”经费（万元）")
        )
        budget = data["budget"]
        if budget:
            parts.append(
                chart(
                    "budget",
                    bars(
                        [f"{c or ''} {n or ''}" for c, n, *_ in budget],
                        {"年初预算": [o for *_, o, _, _ in budget], "支出决算": [f for *_, f, _ in budget]},
                    ),
                    "年初预算与支出决算（项，万元）",
                )
            )
        projects = data["projects"]
        if projects:
            parts.append(
                "<section><h2>项目支出</h2>"
                + table(
                    ["项目", "金额（万元）", "主要成效"],
                    ["<tr>" + text_cell(n) + num_cell(a) + text_cell(o[:120]) + "</tr>" for n, a, o in projects],
                )
                + "</section>"
            )
        indicators = data["indicators"]
        if indicators:
            parts.append(
                "<section><h2>绩效指标（复核得分与报告得分）</h2>"
                + table(
                    ["项目", "指标", "年初目标值", "实际完成值", "分值", "得分（报告）", "得分（复核）", "复核说明"],
                    [
                        "<tr>"
                        + text_cell(p)
                        + text_cell(i)
                        + text_cell(t)
                        + text_cell(a)
                        + num_cell(w)
                        + num_cell(r)
                        + num_cell(c)
                        + text_cell(rule)
                        + "</tr>"
                        for p, i, t, a, w, r, c, rule in indicators
                    ],
                )
                + "</section>"
            )
        findings = data["findings"]
        counts = dict(data["counts"])
        summary = "，".join(f"{STATUS_NAMES.get(k, k)} {v}" for k, v in sorted(counts.items()))
        parts.append(
            f"<section><h2>对账发现（{summary}）</h2>"
            + table(
                ["规则", "名称", "结果", "说明", "出处（行）"],
                [
                    "<tr>"
                    + text_cell(r)
                    + text_cell(t)
                    + f'<td class="{s}">{STATUS_NAMES.get(s, s)}</td>'
                    + text_cell(msg)
                    + text_cell(ref)
                    + "</tr>"
                    for r, t, s, msg, ref in findings
                ],
            )
            + "</section>"
        )
        self.write(f"units/{document_id}.html", page(f"{unit} {year} 年度决算", "".join(parts), 1))

    def compare_page(self, year: int, units) -> None:
        names = [u[2] for u in units]
        shares = self.rows(
            """select unit_name, expense_total_wan, basic_wan, project_wan, personnel_wan, three_public_actual_wan,
                      cast(personnel_wan * 100 / nullif(basic_wan, 0) as decimal(9, 1))
               from marts.mart_unit_year where fiscal_year = ? order by unit_name""",
            [year],
        )
        subjects = self.rows(
            """select t.subject_code, any_value(s.subject_name), t.unit_name, t.amount_wan
               from marts.mart_subject_trend t left join marts.dim_function_subject s using (subject_code)
               where t.fiscal_year = ? and t.fund_scope = 'all_funds' group by 1, 3, 4 order by 1, 3""",
            [year],
        )
        body = chart(
            "compare-expense",
            bars(names, {"基本支出": [s[2] for s in shares], "项目支出": [s[3] for s in shares]}, stack=True),
            "支出合计（万元）",
        )
        body += chart(
            "compare-three-public", bars(names, {"“三公”经费决算": [s[5] for s in shares]}), "“三公”经费决算（万元）"
        )
        body += (
            "<section><h2>结构占比</h2>"
            + table(
                ["单位", "支出合计", "基本支出", "项目支出", "人员经费", "人员经费占基本支出 %"],
                [
                    "<tr>"
                    + text_cell(n)
                    + num_cell(e)
                    + num_cell(b)
                    + num_cell(p)
                    + num_cell(pe)
                    + text_cell(sh)
                    + "</tr>"
                    for n, e, b, p, pe, _, sh in shares
                ],
            )
            + "</section>"
        )
        body += (
            "<section><h2>同一科目（项）各单位支出</h2>"
            + table(
                ["科目编码", "科目名称", "单位", "金额（万元）"],
                [
                    "<tr>" + text_cell(c) + text_cell(n) + text_cell(u) + num_cell(a) + "</tr>"
                    for c, n, u, a in subjects
                ],
            )
            + "</section>"
        )
        self.write(f"compare/{year}.html", page(f"{year} 年度单位对比", body, 1))

    def trend_page(self, unit_id: str, docs) -> None:
        unit = docs[-1][2]
        years = [str(d[3]) for d in docs]
        body = chart(
            "trend-expense",
            bars(years, {"收入合计": [d[5] for d in docs], "支出合计": [d[6] for d in docs]}),
            "收支合计趋势（万元）",
        )
        trend = self.rows(
            """select subject_code, subject_name, fiscal_year, amount_wan, change_wan, change_pct
               from marts.mart_subject_trend where unit_id = ? and fund_scope = 'all_funds'
               order by subject_code, fiscal_year""",
            [unit_id],
        )
        body += (
            "<section><h2>科目趋势</h2>"
            + table(
                ["科目编码", "科目名称", "年度", "金额（万元）", "增减（万元）", "增减率 %"],
                [
                    "<tr>"
                    + text_cell(c)
                    + text_cell(n)
                    + text_cell(y)
                    + num_cell(a)
                    + num_cell(ch)
                    + text_cell(p)
                    + "</tr>"
                    for c, n, y, a, ch, p in trend
                ],
            )
            + "</section>"
        )
        self.write(f"trend/{unit_id}.html", page(f"{unit} 多年趋势", body, 1))


def build_report(db: Path, out: Path) -> Path:
    """Write the site; returns the index page."""
    return Report(db, out).build()
