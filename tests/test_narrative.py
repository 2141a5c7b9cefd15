"""Narrative, project list and 绩效自评表 facts, from the real document and from sentences worded other ways."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from loaders import cli
from loaders.document import parse_document
from loaders.interpret.narrative import read_budget_lines, read_projects, read_statements, sections
from loaders.pipeline import interpret
from loaders.readers import Paragraph

from .conftest import CORPUS, DOCUMENTS, REAL, query, truth

D = Decimal

BUDGET_EXECUTION = {
    # subject_code: (年初预算, 支出决算, 完成年初预算的 %) as the real document states them
    "2010350": ("852.53", "1500.20", "176.0"),
    "2010399": ("2392.11", "1401.71", "58.6"),
    "2060499": ("0", "324.73", None),
    "2080502": ("193.37", "203.46", "105.2"),
    "2080505": ("80.71", "68.68", "85.1"),
    "2080506": ("45", "33.76", "75.0"),
    "2089999": ("13.56", "13.06", "96.3"),
    "2101102": ("55.15", "48.54", "88.0"),
    "2101103": ("91.23", "87.32", "95.7"),
    "2210201": ("77.64", "75.24", "96.9"),
    "2210202": ("16.54", "16.54", "100.0"),
    "2210203": ("24.51", "24.51", "100.0"),
}


def test_budget_execution_rows(real_db):
    rows = query(
        real_db,
        """select subject_code, original_budget_wan, final_wan, completion_pct, code_method
           from marts.fct_budget_execution""",
    )
    got = {code: (b, f, p) for code, b, f, p, _ in rows}
    want = {c: (D(b), D(f), D(p) if p else None) for c, (b, f, p) in BUDGET_EXECUTION.items()}
    assert got == want
    # 科学技术支出（类）研究与开发（款）: the text names the 款 unlike the tables; the class's only 其他 row is taken.
    assert dict((c, m) for c, *_, m in rows)["2060499"] == "other_in_class"
    # The finals agree with table 03 for every 项.
    finals = query(
        real_db,
        """select b.subject_code from marts.fct_budget_execution b
           join (select subject_code, sum(amount_wan) as total from marts.fct_expense
                 where fund_scope = 'all_funds' group by 1) e using (subject_code)
           where b.final_wan <> e.total""",
    )
    assert finals == []


def test_project_list_sums_to_project_expense(real_db):
    rows = query(real_db, "select project_name, amount_wan from marts.fct_project_spending order by source_line")
    assert [a for _, a in rows] == [D("453.98"), D("223.26"), D("899.73"), D("255.06"), D("584.80")]
    total = query(real_db, "select sum(amount_wan) from marts.fct_project_spending")[0][0]
    assert total == query(real_db, "select project_wan from marts.mart_unit_year")[0][0] == D("2416.83")
    assert rows[2][0] == "武汉市政府门户网站日常维护费及网站集约化平台运维费"


def test_seven_evaluations_with_65_indicators(real_db):
    evaluations = query(
        real_db,
        """select evaluation_kind, budget_wan, executed_wan, execution_rate, budget_score_reported,
                  budget_score_recomputed, indicator_count, indicator_weight_sum, score_reported
           from marts.fct_project_evaluation order by evaluation_index""",
    )
    assert [e[0] for e in evaluations] == ["unit_overall"] + ["project"] * 6
    assert [e[1] for e in evaluations] == [
        D(x) for x in ("3797.75", "353.48", "546.25", "453.98", "223.26", "255.06", "584.81")
    ]
    assert all(e[1] == e[2] and e[3] == D("100.00") for e in evaluations)
    assert all(e[4] == e[5] == D("20.00") for e in evaluations)
    assert [e[6] for e in evaluations] == [30, 5, 10, 4, 4, 6, 6]
    # Indicator weights make up the 80 points beside the 20 for budget execution; 总分 100.
    assert all(e[7] == D("80.00") and e[8] == D("100.00") for e in evaluations)
    count, weights, reported = query(
        real_db, "select count(*), sum(weight), sum(score_reported) from marts.fct_performance_indicator"
    )[0]
    assert (count, weights, reported) == (65, D("560.00"), D("550.00"))  # one score is not printed


def test_indicator_scores_recomputed_where_rules_allow(real_db):
    rows = query(
        real_db,
        """select indicator, target_text, actual_text, weight, score_reported, score_recomputed, score_rule
           from marts.fct_performance_indicator""",
    )
    recomputed = [r for r in rows if r[5] is not None]
    assert len(recomputed) == 58  # 65 less 2 text targets, 2 7*24h, 2 unit mismatches, 1 target 0
    assert all(r[5] == r[3] for r in recomputed)  # every comparable indicator met its target in full
    reasons = {r[0]: r[6] for r in rows if r[5] is None}
    assert reasons["平均故障恢复时间"] == "units differ: target 小时, actual %"
    assert reasons["年系统访问量"] == "units differ: target 万人次, actual 万次"
    assert reasons["服务对象满意度指标"] == "target 0: B/A undefined"
    assert reasons["便民服务"].startswith("qualitative")
    assert reasons["网络监控与故障受理"].startswith("qualitative")
    missing = [r for r in rows if r[4] is None]
    assert [(r[0], r[3]) for r in missing] == [("服务对象满意度指标", D("10.00"))]


@pytest.mark.parametrize("name", DOCUMENTS)
def test_prior_year_from_stated_changes(warehouses, name):
    prior = truth(name)["prior_year"]
    expense, three_public = query(
        warehouses[name],
        "select expense_total_prior_stated_wan, three_public_actual_prior_stated_wan from marts.mart_unit_year",
    )[0]
    assert (expense, three_public) == (D(str(prior["expense_total"])), D(str(prior["three_public_actual"])))


def test_procurement_parts(real_db):
    total, goods, works, services, sme, share = query(
        real_db,
        "select total_wan, goods_wan, works_wan, services_wan, sme_wan, sme_share_pct from marts.fct_procurement",
    )[0]
    assert (total, goods, works, services) == (D("2425.21"), D("257.89"), D("0"), D("2167.32"))
    assert total == goods + works + services and (sme, share) == (D("270.81"), D("11.20"))


def test_three_public_counts_and_assets(real_db):
    items = {
        r[0]: r[1:]
        for r in query(
            real_db,
            """select item, stated_change_wan, prior_year_actual_stated_wan, vehicle_count, reception_groups,
                  reception_people from marts.fct_three_public""",
        )
    }
    assert items["reception"] == (D("0.07"), D("0.07"), None, D(5), D(17))
    assert items["abroad"][0] == 0 and items["vehicle_operation"][2] == D(5)
    assets = query(
        real_db, "select asset_kind, asset_detail, quantity from marts.fct_assets order by source_line, quantity desc"
    )
    assert (("vehicles", None, D(5)) in assets) and (("equipment_over_1m", None, D(4)) in assets)
    assert sum(q for k, _, q in assets if k == "vehicles_by_use") == D(5)
    status, cost = query(
        real_db, "select agency_operating_cost_status, agency_operating_cost_wan from marts.mart_unit_year"
    )[0]
    assert (status, cost) == ("none", D(0))


def test_unit_enriched(real_db):
    assert query(
        real_db, "select supervising_department, region_city, latest_publication_date::varchar from marts.dim_unit"
    ) == [("武汉市数据局", "武汉市", "2025-09-29")]


def statement_rows(*lines: str, year: int | None = None) -> list[tuple]:
    """(key, amount, quantity, detail) of each statement read from ``lines`` as paragraphs 1, 2, … of a document of
    fiscal ``year``."""
    paragraphs = [Paragraph(n, text) for n, text in enumerate(lines, 1)]
    return [(s.key, s.amount_wan, s.quantity, s.detail) for s in read_statements(sections(paragraphs), year)]


def statements(*lines: str) -> dict[str, tuple]:
    paragraphs = [Paragraph(n, text) for n, text in enumerate(lines, 1)]
    return {s.key: (s.amount_wan, s.percent, s.quantity) for s in read_statements(sections(paragraphs))}


def test_totals_with_carryover_in_yuan_and_a_decrease():
    got = statements(
        "一、收入支出决算总体情况说明",
        "2023年度收入总计12,345,600.00元，其中：本年收入合计11,000,000.00元，年初结转和结余1,345,600.00元；",
        "支出总计12,345,600.00元。与2022年度相比，收入总计减少1,562,000.00元，下降11.2%。",
    )
    assert got["income_total"][0] == D("1234.56") and got["expense_total"][0] == D("1234.56")
    assert got["income_this_year"][0] == D("1100") and got["carryover_begin"][0] == D("134.56")
    assert got["income_total_change"][:2] == (D("-156.2"), D("-11.2"))


def test_equal_totals_decrease_each_and_flat():
    got = statements(
        "一、收入支出决算总体情况说明",
        "2024 年度收、支总计均为 2,300.50 万元。与 2023 年度相比，收、支总计各减少 156.20 万元，下降 6.3%。",
        "九、财政拨款“三公”经费支出决算情况说明",
        "2024年度“三公”经费财政拨款支出全年预算为3.00万元，支出决算为2.50万元，完成全年预算的83.3%，与上年持平。",
        "1.公务接待费全年预算为1.00万元，支出决算为0.50万元，完成全年预算的50.0%。较上年增加0.10万元，增长25.0%。",
    )
    assert got["expense_total_change"][:2] == (D("-156.20"), D("-6.3"))
    assert got["income_total"][0] == D("2300.50")
    assert got["three_public_actual"][:2] == (D("2.50"), D("83.3"))
    assert got["three_public_actual_change"][:2] == (D(0), D(0))
    assert got["official_reception_change"][:2] == (D("0.10"), D("25.0"))


def test_shares_line_breaks_and_spaces_inside_numbers():
    got = statements(
        "三、支出决算情况说明",
        "2024 年度支出合计 1,000.00 万元，其中：基本支出 600.",
        "00 万元，占本年支出 60.0%；项目支出 400.00 万元，占本年支出 40.0%。",
        "十、机关运行经费支出说明",
        "本单位2024年度机关运行经费支出12.34万元，比上年减少1.00万元。",
    )
    assert got["basic_expense"][:2] == (D("600.00"), D("60.0"))
    assert got["project_expense"][:2] == (D("400.00"), D("40.0"))
    assert got["agency_operating_cost"][0] == D("12.34") and got["agency_operating_cost_change"][0] == D("-1.00")


def test_other_wordings_of_changes_three_public_items_and_nothing_to_report():
    got = statements(
        "二、收入决算情况说明",
        "2024年度收入合计3,797.75万元，同比增加502.07万元，增幅15.2%。",
        "三、支出决算情况说明",
        "2024年度支出合计3,797.75万元，较上年度决算减少2.00万元，降幅0.1%。",
        "七、政府性基金预算财政拨款收入支出决算情况说明",
        "2024年度政府性基金预算财政拨款支出50.00万元。年末无结转和结余。",
        "九、财政拨款“三公”经费支出决算情况说明",
        "2024年度“三公”经费支出决算为4.23万元，其中：因公出国（境）费0万元，公务接待费0.14万元。",
        "1.公务用车购置费全年预算为0.00万元，支出决算为0.00万元。",
        "2.公务用车运行维护费全年预算为4.09万元，支出决算为4.09万元，较上年减少3.32万元，下降44.8%。",
        "十、机关运行经费支出说明",
        "2024年度本单位机关运行经费财政拨款支出12.34万元，比上年减少1.00万元。主要原因是没有召开大型会议。",
    )
    assert got["income_this_year_change"][:2] == (D("502.07"), D("15.2"))
    assert got["expense_this_year_change"][:2] == (D("-2.00"), D("-0.1"))
    assert got["gov_fund_expense"][0] == D("50.00")  # 无 after the amount is a detail, not 'nothing to report'
    assert got["three_public_actual"][0] == D("4.23")
    assert got["abroad"][0] == D(0) and got["official_reception"][0] == D("0.14")  # each item named before a figure
    assert got["vehicle_purchase_budget"][0] == D(0) and got["vehicle_operation"][0] == D("4.09")
    assert got["vehicle_operation_change"][:2] == (D("-3.32"), D("-44.8")) and "vehicle_total" not in got
    assert got["agency_operating_cost"][0] == D("12.34")


def test_budget_lines_with_half_width_brackets():
    """(类)(款)(项) as many converters write them: the per-项 lines are read, not taken for gpb figures."""
    paragraphs = parse_document(REAL, (CORPUS / REAL).read_bytes()).paragraphs
    marks = {"（类）": "(类)", "（款）": "(款)", "（项）": "(项)"}
    half = [Paragraph(p.line, re.sub("|".join(marks), lambda m: marks[m.group()], p.text)) for p in paragraphs]
    assert half != paragraphs
    full, halved = sections(paragraphs), sections(half)
    assert read_budget_lines(halved) == read_budget_lines(full) and len(read_budget_lines(full)) == 12
    assert read_statements(halved) == read_statements(full)


_GPB = "五、一般公共预算财政拨款支出决算情况说明"
_LINE = "（1）住房保障支出（类）住房改革支出（款）住房公积金（项）"


@pytest.mark.parametrize(
    "figures",
    [
        "：年初预算为77.64万元，支出决算为75.24万元，完成年初预算的96.9%。",
        "。年初预算为77.64万元，支出决算为75.24万元，完成年初预算的96.9%。",
        "年初预算为77.64万元，支出决算为75.24万元，为年初预算的96.9%。",
        "支出决算为75.24万元，年初预算为77.64万元，完成年初预算的96.9%。",
        "年初预算数77.64万元，调整预算为77.64万元，支出决算数75.24万元，完成年初预算的96.9%。",
        "年初预算数为77.64万元，决算数为75.24万元，完成年初预算的96.9%。",
        "上年支出决算为70.00万元，年初预算77.64万元，决算75.24万元，完成年初预算的96.9%。",
    ],
)
def test_budget_lines_in_other_orders_and_punctuation(figures):
    """A per-项 line whatever follows （项） and in whichever order its figures come; its sentences are never the
    whole 一般公共预算 budget (（项）。 made them a second gpb_original_budget)."""
    paragraphs = [Paragraph(1, _GPB), Paragraph(2, _LINE + figures)]
    lines = read_budget_lines(sections(paragraphs))
    assert [(b.xiang_name, b.original_budget_wan, b.final_wan, b.completion_pct) for b in lines] == [
        ("住房公积金", D("77.64"), D("75.24"), D("96.9"))
    ]
    assert read_statements(sections(paragraphs)) == []


def test_a_budget_line_naming_only_its_xiang_is_passed_over():
    """运行（项）年初预算为… with no （类）…（款） before it (the rest of a path a page broke): no budget line, and the
    document is read (the unmatched path had raised ValueError out of zip and lost the whole document)."""
    paragraphs = [Paragraph(1, _GPB), Paragraph(2, "其中行政运行（项）年初预算为10.00万元，支出决算为9.00万元。")]
    assert read_budget_lines(sections(paragraphs)) == []


def test_three_public_in_the_national_wording():
    """支出预算为 / 完成预算的, an 其中 list of items, a change after the list (the total's), and a sentence of
    items with their shares (支出决算 X 万元，占 Y%: each item's own, not the first named)."""
    got = statement_rows(
        "九、财政拨款“三公”经费支出决算情况说明",
        "2024年度“三公”经费财政拨款支出预算为4.23万元，支出决算为4.23万元，完成预算的100%。其中：因公出国（境）费支出"
        "决算为0万元，完成预算的0%；公务接待费支出决算为0.14万元，完成预算的100%。较上年减少3.25万元，下降43.4%。",
        "2024年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0%；公务用车运行维护费支出决算"
        "4.09万元，占96.7%。",
    )
    assert [(key, amount) for key, amount, *_ in got] == [
        ("three_public_budget", D("4.23")),
        ("three_public_actual", D("4.23")),
        ("abroad", D(0)),
        ("official_reception", D("0.14")),
        ("three_public_actual_change", D("-3.25")),
        ("abroad", D("0.00")),
        ("vehicle_operation", D("4.09")),
    ]


@pytest.mark.parametrize(
    ("sentence", "change"),
    [
        ("2024年度收入合计3,797.75万元，比上年增长15.2%，增加502.07万元。", ("502.07", "15.2")),
        ("2024年度收入合计3,797.75万元，比上年增长15.2%（增加502.07万元）。", ("502.07", "15.2")),
        ("2024年度收入合计3,797.75万元，比上年下降15.2%，减少502.07万元。", ("-502.07", "-15.2")),
        ("2024年度收入合计3,797.75万元，较上年增加-502.07万元，增长-15.2%。", ("-502.07", "-15.2")),
        ("2024年度收入合计3,797.75万元，较上年减少502.07万元，增长-15.2%。", ("-502.07", "-15.2")),
        ("2024年度收入合计3,797.75万元，较上年减少502.07万元，下降-15.2%。", ("-502.07", "-15.2")),
        ("2024年度收入合计3,797.75万元，较上年增加了502.07万元，增长了15.2%。", ("502.07", "15.2")),
        ("2024年度收入合计3,797.75万元，较上年同期增加502.07万元，增长15.2%。", ("502.07", "15.2")),
        ("2024年度收入合计3,797.75万元，与上年决算数相比增加502.07万元，增长15.2%。", ("502.07", "15.2")),
        ("2024年度收入合计3,797.75万元，较上年增加502.07万元（增长15.2%）。", ("502.07", "15.2")),
        ("2024年度收入合计3,797.75万元，比上年收入合计3,295.68万元增加502.07万元，增长15.2%。", ("502.07", "15.2")),
        ("2024年度收入合计3,797.75万元，同比增长15.2%。", (None, "15.2")),
    ],
)
def test_changes_with_the_percentage_first_or_a_signed_amount(sentence, change):
    """The change on last year in the wordings offices print: a percent printed with its own sign takes the amount's
    (减少 X，增长-Y% had become +Y%), 了 / 同期 / 决算数, last year's figure between (passed over), a percent alone."""
    got = statement_rows("二、收入决算情况说明", sentence)
    assert [row[1] for row in got if row[0] == "income_this_year"] == [D("3797.75")]
    changes = statements("二、收入决算情况说明", sentence)["income_this_year_change"][:2]
    assert changes == tuple(None if x is None else D(x) for x in change)


@pytest.mark.parametrize(
    "sentence",
    [
        "2023年度收入合计3,295.68万元，2024年度收入合计3,797.75万元。",
        "2024年度收入合计3,797.75万元（2023年度收入合计3,295.68万元）。",
        "2024年度收入合计：3,797.75万元。",
        "2024年度收入合计为人民币3,797.75万元。",
        "2024年度收入合计0.379775亿元。",
    ],
)
def test_stated_amounts_in_other_wordings_and_last_years_beside_them(sentence):
    """收入合计：/ 为人民币 / 亿元 are read; a figure of a year before the document's, named by its year, is not this
    year's (it had been stored as a second income_this_year)."""
    got = [(key, amount) for key, amount, *_ in statement_rows("二、收入决算情况说明", sentence, year=2024)]
    assert got == [("income_this_year", D("3797.75"))]


@pytest.mark.parametrize("year", ["二〇二三", "二零二三"])
def test_years_in_chinese_numerals_as_in_digits(year):
    """A year in Chinese numerals is a year as one in digits: 比二〇二三年度决算数增加 … is a change on last year
    (it was lost), and a figure named by that year is last year's, not this year's (finding 43)."""
    this = year.replace("三", "四")
    got = figures(
        "四、财政拨款收入支出决算总体情况说明",
        f"{this}年度一般公共预算财政拨款收入3,797.75万元，比{year}年度决算数增加502.07万元，增长15.2%。",
        "二、收入决算情况说明",
        f"{year}年度收入合计3,295.68万元，{this}年度收入合计3,797.75万元。",
    )
    assert got == _rows(
        ("gpb_income", "3797.75", None, None),
        ("gpb_income_change", "502.07", "15.2", None),
        ("income_this_year", "3797.75", None, None),
    )


def test_a_share_printed_before_its_amount():
    got = statements(
        "三、支出决算情况说明",
        "其中：基本支出占本年支出36.4%，为1,380.92万元；项目支出占本年支出63.6%，为2,416.83万元。",
    )
    assert got["basic_expense"][:2] == (D("1380.92"), D("36.4"))
    assert got["project_expense"][:2] == (D("2416.83"), D("63.6"))


def test_three_public_items_in_one_line_and_last_years_figures():
    """An 其中 list of items with their amounts and no 决算 word; last year's 三公 figure (上年…支出决算为, 比 2023
    年度支出决算 X 万元减少) is not this year's; 同比减少 is a change."""
    got = statement_rows(
        "九、财政拨款“三公”经费支出决算情况说明",
        "2024年度“三公”经费支出4.23万元，其中：因公出国（境）费0.00万元，公务用车购置及运行费4.09万元，公务接待费0.14万元。",
        "上年“三公”经费支出决算为7.48万元。2024年度“三公”经费支出决算为4.23万元，比2023年度支出决算7.48万元减少3.25万元，"
        "下降43.4%。公务接待费同比减少0.07万元。",
        year=2024,
    )
    assert [(key, amount) for key, amount, *_ in got] == [
        ("three_public_actual", D("4.23")),
        ("abroad", D("0.00")),
        ("vehicle_total", D("4.09")),
        ("official_reception", D("0.14")),
        ("three_public_actual", D("4.23")),
        ("three_public_actual_change", D("-3.25")),
        ("official_reception_change", D("-0.07")),
    ]


@pytest.mark.parametrize(
    ("intro", "item"),
    [
        ("项目支出主要包括：", "{name}453.98万元。主要成效：电子政务外网客户接入109家。"),
        ("其中，项目支出情况如下：", "1.{name}，支出453.98万元，主要成效：电子政务外网客户接入109家。"),
        ("项目支出主要用于：", "{name}：453.98万元，主要成效：电子政务外网客户接入109家。"),
        ("项目支出主要用于：", "{name}，预算460.00万元，执行453.98万元，主要成效：电子政务外网客户接入109家。"),
    ],
)
def test_project_list_in_other_wordings(intro, item):
    """The list after other introductions, a colon or 支出 after the name, budget and executed amounts (the
    executed one is the project's spending): the name stays the name."""
    name = "武汉市电子政务网络出口、政务平台租用费"
    paragraphs = [Paragraph(1, "三、支出决算情况说明"), Paragraph(2, intro), Paragraph(3, item.format(name=name))]
    got = [(p.project_name, p.amount_wan) for p in read_projects(sections(paragraphs))]
    assert got == [(name, D("453.98"))]


def test_shorter_wordings_of_agency_cost_procurement_assets_and_scores():
    got = statement_rows(
        "十、机关运行经费支出说明",
        "本单位使用一般公共预算财政拨款安排的基本支出中的公用经费支出（即机关运行经费）12.34万元。",
        "十一、政府采购支出说明",
        "政府采购支出总额2,425.21万元，其中：货物采购257.89万元、工程采购0.00万元、服务采购2,167.32万元。",
        "十二、国有资产占用情况说明",
        "单位价值50万元以上通用设备3台(套)，单位价值100万元以上专用设备1套。",
        "十三、预算绩效管理情况说明",
        "整体绩效自评总分为96分，其中预算执行率得分为20分。",
    )
    assert got == [
        ("agency_operating_cost", D("12.34"), None, None),
        ("procurement_total", D("2425.21"), None, None),
        ("procurement_goods", D("257.89"), None, None),
        ("procurement_works", D("0.00"), None, None),
        ("procurement_services", D("2167.32"), None, None),
        ("equipment_over_500k", None, D(3), "通用设备"),
        ("equipment_over_1m", None, D(1), "专用设备"),
        ("self_eval_total_score", None, D(96), None),
        ("self_eval_budget_score", None, D(20), None),
    ]


@pytest.mark.parametrize(
    "heading",
    ["一、收支决算总体情况说明", "一、关于2024年度收入支出决算总表的说明", "一、收入支出决算总表"],
)
def test_section_headings_worded_as_other_templates_do(heading):
    """收支 for 收入支出, the table's name with 的说明, the table's name alone: the section is still the totals'
    (its figures were dropped, or read as the expense section's)."""
    got = statements(heading, "2024 年度收、支总计均为 3,797.75 万元。")
    assert got["income_total"][0] == got["expense_total"][0] == D("3797.75")


def test_document_without_narrative_or_tables_loads_what_it_has(tmp_path):
    text = (CORPUS / REAL).read_text(encoding="utf-8")
    narrative_at = text.index("## 第三部分", text.index("公开 09 表"))
    tables_at = text.rindex("## 第二部分", 0, text.index("公开 01 表"))
    tables_only = tmp_path / "tables-only.md"
    tables_only.write_text(text[:narrative_at], encoding="utf-8")
    narrative_only = tmp_path / "narrative-only.md"
    narrative_only.write_text(text[:tables_at] + text[narrative_at : text.index("## 第六部分")], encoding="utf-8")
    db = tmp_path / "w.duckdb"
    assert cli.load([str(tables_only)], db, quiet=True) == 0
    assert cli.load([str(narrative_only)], tmp_path / "n.duckdb", quiet=True) == 0
    warnings = query(db, "select warnings from raw.documents")[0][0]
    assert "no narrative (情况说明) figures found" in warnings
    n_warnings, n_statements = query(
        tmp_path / "n.duckdb", "select d.warnings, (select count(*) from raw.statements) from raw.documents d"
    )[0]
    assert "table 01 收入支出决算总表 not found" in n_warnings and n_statements > 50


def test_assets_in_the_national_template_wording():
    lines = (
        "十二、国有资产占用情况说明",
        "截至2024年12月31日，本单位共有公务用车5辆，其中，副部（省）级及以上领导用车0辆、机要通信用车1辆。"
        "单位价值50万元以上通用设备3台（套），单位价值100万元以上专用设备4台（套）。",
    )
    assert [(key, quantity, detail) for key, _, quantity, detail in statement_rows(*lines)] == [
        ("vehicles_total", D(5), None),
        ("vehicles_by_use", D(0), "副部（省）级及以上领导用车"),
        ("vehicles_by_use", D(1), "机要通信用车"),
        ("equipment_over_500k", D(3), "通用设备"),
        ("equipment_over_1m", D(4), "专用设备"),
    ]


def test_nothing_to_report_after_a_zero_amount_and_uses_in_brackets():
    lines = (
        "七、政府性基金预算财政拨款收入支出决算情况说明",
        "2024年度年初结转和结余0.00万元。本单位没有政府性基金预算财政拨款收入，也没有使用其安排的支出。",
        "十二、国有资产占用情况说明",
        "本单位共有车辆5辆（其中机要通信用车1辆），单位价值50万元以上通用设备3台、专用设备2台。",
    )
    assert statement_rows(*lines) == [
        ("gov_fund_expense", D(0), None, "none"),
        ("vehicles_total", None, D(5), None),
        ("equipment_over_500k", None, D(3), "通用设备"),
        ("equipment_over_500k", None, D(2), "专用设备"),
        ("vehicles_by_use", None, D(1), "机要通信用车"),
    ]


def test_a_three_public_item_paragraph_wrapped_after_its_budget():
    """3. 公务接待费全年预算为 0.14 万元， / 支出决算为 … on the next line (as the real document wraps its total's
    paragraph): the actual and the change stay the item's; the paragraphs before keep theirs."""
    text = (CORPUS / REAL).read_text(encoding="utf-8")
    wrapped = text.replace(
        "3. 公务接待费全年预算为 0.14 万元，支出决算为", "3. 公务接待费全年预算为 0.14 万元，\n\n支出决算为"
    )
    assert wrapped != text

    def three_public(source: str) -> list[tuple]:
        paragraphs = parse_document(REAL, source.encode("utf-8")).paragraphs
        return [
            (s.key, s.amount_wan, s.percent)
            for s in read_statements(sections(paragraphs))
            if s.section == "three_public"
        ]

    assert three_public(wrapped) == three_public(text)
    assert ("official_reception_change", D("0.07"), D("100.0")) in three_public(text)


@pytest.mark.parametrize(
    "sentence",
    [
        "2024 年度本单位政府性基金预算财政拨款收入、支出均为 0 万元。",
        "2024 年度本单位政府性基金预算财政拨款收入支出决算数为零。",
        "本单位 2024 年度政府性基金预算财政拨款收入支出决算表为空表。",
    ],
)
def test_an_absent_optional_table_declared_empty_in_other_words(sentence):
    """为 0 万元 / 为零 / 为空表 declare table 07 empty as 没有 … does (C-01 failed: 'not printed, not declared')."""
    lines = (CORPUS / REAL).read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if "没有政府性基金" in line)
    parsed = interpret(parse_document(REAL, "\n".join([*lines[:at], sentence, *lines[at + 1 :]]).encode("utf-8")))
    status = next(s for s in parsed.statuses if s.table_code == "07")
    assert (status.status, status.note, status.note_line) == ("absent", sentence, at + 1)


@pytest.mark.parametrize(
    "wording", ["{w}（类）支出 ", "{w}支出（类）", "{w}支出 ", "主要用于{w}支出 ", "用于{w}（类）支出 "]
)
def test_class_lines_in_other_wordings(wording):
    """一般公共服务（类）支出 / 一般公共服务支出（类） / 一般公共服务支出 (a class's own name, also after other words:
    主要用于…) N 万元，占 P%: the class lines of the 一般公共预算 section, as …支出类支出 gives them (N-23/N-24 had
    nothing to check)."""
    text = (CORPUS / REAL).read_text(encoding="utf-8")
    classes = ("一般公共服务", "科学技术", "社会保障和就业", "卫生健康", "住房保障")
    changed = text
    for w in classes:
        changed = changed.replace(f"{w}支出类支出 ", wording.format(w=w), 1)
    assert changed != text

    def class_lines(source: str) -> list[tuple]:
        paragraphs = parse_document(REAL, source.encode("utf-8")).paragraphs
        found = read_statements(sections(paragraphs))
        return [(s.detail, s.amount_wan, s.percent) for s in found if s.key == "gpb_expense_by_class"]

    assert class_lines(changed) == class_lines(text) and len(class_lines(text)) == 5


def test_numbered_paragraphs_wrapped_as_pdf_text_lines_are_not_headings():
    """A numbered paragraph broken after a figure (1. …类支出 2,901.91 万元， / 占 76.4%。) or mid-sentence is one
    paragraph, not a sub-heading over the rest (its figures had lost their item: 公务用车's change became a second
    change of the 三公 total)."""
    lines = [
        "九、财政拨款“三公”经费支出决算情况说明",
        "2024年度“三公”经费财政拨款支出全年预算为4.23万元，支出决算为4.23万元，较上年减少3.25万元，下降43.4%。",
        "2. 公务用车购置及运行费全年预算为 4.09 万元，支出决算为 4.09",
        "万元，完成全年预算的 100.0%；较上年减少 3.32 万元，下降 44.8%。",
        "五、一般公共预算财政拨款支出决算情况说明",
        "1. 一般公共服务支出类支出 2,901.91 万元，",
        "占 76.4%。",
    ]
    got = {key: value[:2] for key, value in statements(*lines).items()}
    assert got["three_public_actual_change"] == (D("-3.25"), D("-43.4"))
    assert got["vehicle_total"] == (D("4.09"), D("100.0")) and got["vehicle_total_change"] == (D("-3.32"), D("-44.8"))
    assert got["gpb_expense_by_class"] == (D("2901.91"), D("76.4"))


@pytest.mark.parametrize("amount", ["1,529.95 万元", "15,299,500.00 元"])
def test_a_class_line_wrapped_just_before_its_amount_is_not_a_heading(amount):
    """3. 文化旅游体育与传媒支出类支出 with its amount on the next line: no heading has an amount right under it, the
    line is the sentence's beginning (it was a sub-heading, its class's figure lost, finding 42)."""
    lines = [
        "五、一般公共预算财政拨款支出决算情况说明",
        "3. 文化旅游体育与传媒支出类支出",
        f"{amount}，占 26.6%。主要是用于基本支出。",
    ]
    paragraphs = [Paragraph(n, text) for n, text in enumerate(lines, 1)]
    got = [(s.key, s.amount_wan, s.percent, s.detail) for s in read_statements(sections(paragraphs))]
    assert got == [("gpb_expense_by_class", D("1529.95"), D("26.6"), "文化旅游体育与传媒支出")]


def test_a_project_whose_outcome_starts_a_line_of_its_own():
    """主要成效：… on the line after the project's amount (a PDF text line ended at the sentence's 。): the project is
    read (it was lost)."""
    paragraphs = [
        Paragraph(1, "三、支出决算情况说明"),
        Paragraph(2, "项目支出主要用于："),
        Paragraph(3, "武汉市电子政务网络出口、政务平台租用费 453.98 万元。"),
        Paragraph(4, "主要成效：电子政务外网客户接入 109 家。"),
    ]
    projects = read_projects(sections(paragraphs))
    assert [(p.line, p.project_name, p.amount_wan) for p in projects] == [
        (3, "武汉市电子政务网络出口、政务平台租用费", D("453.98"))
    ]


def test_amounts_in_yi_yuan_in_changes_and_project_lists():
    """A narrative in 亿元: the change (增加 0.050207 亿元) and a listed project's amount are read in 万元 like the
    totals (only the totals had been)."""
    got = statements("二、收入决算情况说明", "2024年度收入合计0.379775亿元，较上年增加0.050207亿元，增长15.2%。")
    assert got["income_this_year"][0] == D("3797.75") and got["income_this_year_change"][:2] == (D("502.07"), D("15.2"))
    paragraphs = [
        Paragraph(1, "三、支出决算情况说明"),
        Paragraph(2, "项目支出主要用于："),
        Paragraph(3, "武汉市电子政务网络出口、政务平台租用费0.045398亿元。主要成效：电子政务外网客户接入109家。"),
    ]
    assert [p.amount_wan for p in read_projects(sections(paragraphs))] == [D("453.98")]


@pytest.mark.parametrize("split", [False, True])
def test_a_project_summary_names_its_project_on_its_line_or_the_line_above(split):
    """(1)甲系统运维项目绩效自评综述： with its figures on the same line or the next (a converter keeping line ends):
    the figures carry the project's name as their detail, which the rules pair the 评价表 by (the quote of the line
    alone had lost it, and the figures were held to the overall table)."""
    summary = ["(1)甲系统运维项目绩效自评综述：", "项目全年预算数为300.00万元，执行数为290.00万元，完成预算的96.67%。"]
    rows = statement_rows("十三、预算绩效情况说明", *(summary if split else ["".join(summary)]))
    assert rows == [
        ("performance_project_budget", Decimal("300.00"), None, "甲系统运维项目"),
        ("performance_project_executed", Decimal("290.00"), None, "甲系统运维项目"),
    ]


def test_a_project_summary_naming_no_project_gives_no_detail():
    """项目绩效自评综述： with no project's name before it: no detail (it had been '项目', and the rules then never
    looked for the project's name in the figures' sentence)."""
    rows = statement_rows(
        "十三、预算绩效情况说明", "项目绩效自评综述：", "甲项目全年预算数为300.00万元，执行数为290.00万元。"
    )
    assert [detail for *_, detail in rows] == [None, None]


_3P = "九、财政拨款“三公”经费支出决算情况说明"


def figures(*lines: str) -> list[tuple]:
    """(key, amount, percent, quantity) of each statement read from ``lines`` as paragraphs 1, 2, …"""
    paragraphs = [Paragraph(n, text) for n, text in enumerate(lines, 1)]
    return [(s.key, s.amount_wan, s.percent, s.quantity) for s in read_statements(sections(paragraphs), 2024)]


def _rows(*rows: tuple) -> list[tuple]:
    return [(key, *(None if x is None else D(x) for x in rest)) for key, *rest in rows]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (  # 收入合计 inside 财政拨款收入合计 is the part's name, not this year's income
            ("二、收入决算情况说明", "其中：财政拨款收入合计3,797.75万元，占本年收入100.0%。"),
            [("fiscal_grant_income", "3797.75", "100.0", None)],
        ),
        (
            ("三、支出决算情况说明", "其中：基本支出合计1,380.92万元，占本年支出36.4%。"),
            [("basic_expense", "1380.92", "36.4", None)],
        ),
        (  # a 项's line printed without （类）（款）（项） is not the whole 一般公共预算's budget
            (_GPB, "（1）住房保障支出类住房改革支出款住房公积金项年初预算为77.64万元，支出决算为75.24万元。"),
            [],
        ),
        (  # 三公 items by other names: not the total's, not 运行维护费's
            (_3P, "1.因公出国（境）经费全年预算为0.00万元，支出决算为0.00万元，较上年持平。"),
            [("abroad_budget", "0.00", None, None), ("abroad", "0.00", None, None), ("abroad_change", "0", "0", None)],
        ),
        (
            (_3P, "2.公务用车购置和运行维护费全年预算为4.09万元，支出决算为4.09万元，较上年减少3.32万元，下降44.8%。"),
            [
                ("vehicle_total_budget", "4.09", None, None),
                ("vehicle_total", "4.09", None, None),
                ("vehicle_total_change", "-3.32", "-44.8", None),
            ],
        ),
        (
            (_3P, "2.公务用车购置费及运行维护费支出决算为4.09万元，较上年减少3.32万元。"),
            [("vehicle_total", "4.09", None, None), ("vehicle_total_change", "-3.32", None, None)],
        ),
        (  # the item a sub-heading names, its figures in the paragraph below
            (_3P, "1.因公出国(境)费", "全年预算为0.00万元，支出决算为0.00万元，完成全年预算的0.0%。"),
            [("abroad_budget", "0.00", None, None), ("abroad", "0.00", "0.0", None)],
        ),
        (  # an item the reader does not know (公务用车费): no item's figures, not the total's
            (_3P, "2.公务用车费全年预算为4.09万元，支出决算为4.09万元。较上年减少3.32万元。"),
            [],
        ),
        (  # the item named after the first amount is not the paragraph's subject
            (_3P, "全年预算为4.23万元，支出决算为4.23万元，其中：因公出国（境）费0.00万元。"),
            [
                ("three_public_budget", "4.23", None, None),
                ("three_public_actual", "4.23", None, None),
                ("abroad", "0.00", None, None),
            ],
        ),
        (  # 因公出国团组's people and 外事接待's groups are not 公务接待's
            (_3P, "全年安排因公出国（境）团组1个，3人次；外事接待2批次，6人次。"),
            [],
        ),
        (  # 无变化: no change, not nothing to report
            ("十、机关运行经费支出说明", "机关运行经费与上年相比无变化。"),
            [("agency_operating_cost_change", "0", "0", None)],
        ),
        (  # a class's budget under the whole budget's words is the class's, not the whole budget's
            (
                "五、一般公共预算财政拨款支出决算情况说明",
                "一般公共预算财政拨款支出中，教育支出年初预算为100.00万元，支出决算为90.00万元，完成年初预算的90.0%。",
            ),
            [],
        ),
        (  # a part's 中小企业 amount is not the procurement's
            (
                "十一、政府采购支出情况说明",
                "政府采购货物中，授予中小企业合同金额80.00万元。货物采购中小企业合同金额80.00万元。",
            ),
            [],
        ),
    ],
)
def test_figures_are_not_given_to_another_key(lines, want):
    """A name inside a longer one, a 项's line without its marks, 三公 items named otherwise, under a sub-heading or
    not known, counts of other kinds: each figure is read as what it is, or not at all (each had been read as
    another key's: this year's total, the whole budget, the 三公 total, 运行维护费, 公务接待, nothing to report)."""
    assert figures(*lines) == _rows(*want)


_BUDGET_KEYS = ("_original_budget", "_budget_completion", "three_public_budget", "three_public_actual")


@pytest.mark.parametrize(
    "completion", ["完成年初预算的96.9%", "为年初预算的96.9%", "决算数是年初预算数的96.9%", "预算完成率为96.9%"]
)
@pytest.mark.parametrize(
    "lines",
    [
        (_GPB, "2024年度一般公共预算财政拨款支出年初预算为77.64万元，支出决算为75.24万元，{}。"),
        (_GPB, "2024年度一般公共预算财政拨款支出决算为75.24万元，年初预算77.64万元，{}。"),
        (_GPB, _LINE + "年初预算为77.64万元，支出决算为75.24万元，{}。"),
        (_3P, "2024年度“三公”经费财政拨款支出全年预算为77.64万元，支出决算为75.24万元，{}。"),
    ],
)
def test_budget_completion_in_other_words(lines, completion):
    """完成年初预算的 / 为 / 是…的 / 预算完成率为: the percentage is read with the 决算 of the whole 一般公共预算 (also
    printed before its 年初预算), of a 项 and of the 三公 total (it had been dropped, and the whole budget's figures
    lost when the 决算 came first)."""
    narrative = sections([Paragraph(1, lines[0]), Paragraph(2, lines[1].format(completion))])
    got = [(s.amount_wan, s.percent) for s in read_statements(narrative, 2024) if s.key.endswith(_BUDGET_KEYS)]
    for b in read_budget_lines(narrative, 2024):
        got += [(b.original_budget_wan, None), (b.final_wan, b.completion_pct)]
    assert got == [(D("77.64"), None), (D("75.24"), D("96.9"))]


_TOTALS, _INCOME, _BASIC = (
    "一、收入支出决算总体情况说明",
    "二、收入决算情况说明",
    "六、一般公共预算财政拨款基本支出决算情况说明",
)
_PROCUREMENT, _ASSETS, _AGENCY = "十一、政府采购支出说明", "十二、国有资产占用情况说明", "十、机关运行经费支出说明"
_CHANGE = [("income_total_change", "502.07", "15.2", None), ("expense_total_change", "502.07", "15.2", None)]
_BOTH = [("income_total", "3797.75", None, None), ("expense_total", "3797.75", None, None)]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        ((_TOTALS, "收入、支出总计均为3,797.75万元。"), _BOTH),
        ((_TOTALS, "收入总计和支出总计均为3,797.75万元。"), _BOTH),
        ((_TOTALS, "收、支总计比去年增加502.07万元，增长15.2%。"), _CHANGE),
        ((_TOTALS, "收、支总计较上年增加502.07万元，同比增长15.2%。"), _CHANGE),
        ((_TOTALS, "收、支总计较上年增加502.07万元，增长率为15.2%。"), _CHANGE),
        ((_TOTALS, "收、支总计比上年3,295.68万元增加502.07万元，增长15.2%。"), _CHANGE),
        ((_TOTALS, "收、支总计与上年持平。"), [(k, "0", "0", None) for k, *_ in _CHANGE]),
        ((_TOTALS, "收、支总计与上年相比无变化。"), [(k, "0", "0", None) for k, *_ in _CHANGE]),
        (
            ("四、财政拨款收入支出决算总体情况说明", "财政拨款收入支出总计均为3,797.75万元。"),
            [("fiscal_grant_total", "3797.75", None, None)],
        ),
        (
            (_INCOME, "其中：财政拨款收入3,797.75万元，所占比例为100.0%。"),
            [("fiscal_grant_income", "3797.75", "100.0", None)],
        ),
        (
            (_BASIC, "人员经费支出1,250.60万元，公用经费支出130.32万元。"),
            [("personnel", "1250.60", None, None), ("public_use", "130.32", None, None)],
        ),
        (
            (_3P, "“三公”经费财政拨款预算数为4.23万元，决算数为4.23万元，与上年相比减少3.25万元，下降43.4%。"),
            [
                ("three_public_budget", "4.23", None, None),
                ("three_public_actual", "4.23", None, None),
                ("three_public_actual_change", "-3.25", "-43.4", None),
            ],
        ),
        (
            (_3P, "公务接待费支出决算为0.14万元，与上年相比无变化。"),
            [("official_reception", "0.14", None, None), ("official_reception_change", "0", "0", None)],
        ),
        (
            (_3P, "本年度购置公务用车0辆，公务用车保有量5辆。"),
            [("vehicles_purchased", None, None, "0"), ("vehicle_count", None, None, "5")],
        ),
        (
            (_3P, "国内公务接待5批次，17人次。"),
            [("reception_groups", None, None, "5"), ("reception_people", None, None, "17")],
        ),
        ((_AGENCY, "本单位未安排机关运行经费。"), [("agency_operating_cost", "0", None, None)]),
        (
            (_PROCUREMENT, "政府采购支出2,425.21万元，其中：政府采购货物257.89万元、政府采购服务2,167.32万元。"),
            [
                ("procurement_total", "2425.21", None, None),
                ("procurement_goods", "257.89", None, None),
                ("procurement_services", "2167.32", None, None),
            ],
        ),
        (
            (_PROCUREMENT, "授予中小企业的合同总金额270.81万元，占政府采购支出总额的11.2%。"),
            [("procurement_sme", "270.81", "11.2", None)],
        ),
        ((_ASSETS, "单价100万元（含）以上设备4台（套）。"), [("equipment_over_1m", None, None, "4")]),
        (
            ("十三、预算绩效情况说明", "共涉及6个项目，资金2,416.83万元；另涉及1个一级项目。"),
            [("performance_project_funds", "2416.83", None, None), ("performance_projects", None, None, "6")],
        ),
    ],
)
def test_statements_in_other_offices_wordings(lines, want):
    """The same facts as other templates word them: 收入、支出总计, 比去年 / 与上年相比 / 比上年 X 万元, 同比增长 /
    增长率为, 与上年持平 / 无变化, 所占比例为, 人员经费支出, 预算数 / 决算数, 购置公务用车 / 保有量 X 辆, 批次,
    未安排, 政府采购支出 / 政府采购货物, 授予中小企业的合同总金额, 单价 … （含）以上, 共涉及 N 个项目 (each missed)."""
    assert figures(*lines) == _rows(*want)


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (  # 分别为 X、Y: the first amount the income's, the second the expense's
            (_TOTALS, "收、支总计分别为3,797.75万元、3,790.00万元。"),
            [("income_total", "3797.75", None, None), ("expense_total", "3790.00", None, None)],
        ),
        (
            ("四、财政拨款收入支出决算总体情况说明", "财政拨款收入总计3,797.75万元、支出总计3,797.75万元。"),
            [("fiscal_grant_total", "3797.75", None, None)],
        ),
        (("三、支出决算情况说明", "支出决算合计3,797.75万元。"), [("expense_this_year", "3797.75", None, None)]),
        ((_TOTALS, "收、支总计减少502.07万元，负增长15.2%。"), [(k, "-502.07", "-15.2", None) for k, *_ in _CHANGE]),
        ((_TOTALS, "收、支总计较上年负增长15.2%。"), [(k, None, "-15.2", None) for k, *_ in _CHANGE]),
    ],
)
def test_totals_worded_with_two_amounts_apart_or_a_negative_growth(lines, want):
    """分别为 with two amounts, 财政拨款收入总计 … 支出总计 … apart, 支出决算合计, 负增长 Y% (each missed, the
    percentage after 减少 X 万元 dropped)."""
    assert figures(*lines) == _rows(*want)


_PARTS = "政府采购支出总额2,425.21万元，其中：货物257.89万元、工程0万元、服务2,167.32万元。"


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        (
            (_PROCUREMENT, _PARTS),
            [
                ("procurement_total", "2425.21", None, None),
                ("procurement_goods", "257.89", None, None),
                ("procurement_works", "0", None, None),
                ("procurement_services", "2167.32", None, None),
            ],
        ),
        (  # the same words after the 中小企业 amount are that amount's parts, not the procurement's
            (_PROCUREMENT, "授予中小企业合同金额270.81万元，其中：货物100.00万元、服务170.81万元。"),
            [("procurement_sme", "270.81", None, None)],
        ),
        ((_ASSETS, "本单位有车辆5辆。"), [("vehicles_total", None, None, "5")]),
        ((_ASSETS, "共有车辆5台。"), [("vehicles_total", None, None, "5")]),
        ((_ASSETS, "现有公务用车5辆。"), [("vehicles_total", None, None, "5")]),
        ((_ASSETS, "单位价值100万元以上大型设备4台（套）。"), [("equipment_over_1m", None, None, "4")]),
    ],
)
def test_procurement_parts_vehicles_and_equipment_in_shorter_words(lines, want):
    """货物 / 工程 / 服务 alone after the procurement total, 有车辆 / 车辆 N 台, 大型设备 (each missed; 现有公务用车 is
    the total, not a use)."""
    assert figures(*lines) == _rows(*want)


_HOUSING = ("住房保障支出", "住房改革支出")


@pytest.mark.parametrize(
    ("text", "path", "budget"),  # path: class and 款 names
    [
        ("（1）住房保障支出类住房改革支出款住房公积金项年初预算为77.64万元，", _HOUSING, "77.64"),
        ("（1）住房保障支出-住房改革支出-住房公积金：年初预算为77.64万元，", _HOUSING, "77.64"),
        ("（1）2210201住房公积金：年初预算为77.64万元，", ("", ""), "77.64"),
        (_LINE + "预算为77.64万元，", _HOUSING, "77.64"),
        (_LINE + "年初预算为0，", _HOUSING, "0"),
        (_LINE + "调整预算为80.00万元，年初预算为77.64万元，", _HOUSING, "77.64"),  # 调整预算 is not the budget
    ],
)
def test_budget_lines_with_other_paths_and_figures(text, path, budget):
    """A 项's path without （类）（款）（项） — bracket-less, dashed, or its code and name — and its figures without
    年初 or a 0 without a unit: the line is read (it was missed), and it is never the whole 一般公共预算's budget."""
    paragraphs = [Paragraph(1, _GPB), Paragraph(2, text + "支出决算为75.24万元，完成年初预算的96.9%。")]
    lines = read_budget_lines(sections(paragraphs), 2024)
    got = [
        (b.class_name, b.kuan_name, b.xiang_name, b.original_budget_wan, b.final_wan, b.completion_pct) for b in lines
    ]
    assert got == [(*path, "住房公积金", D(budget), D("75.24"), D("96.9"))]
    assert read_statements(sections(paragraphs), 2024) == []


def test_a_budget_line_printing_its_code_before_its_name():
    """（1）2210201住房公积金：年初预算为…: the 项 printed by its code (a row of the document's tables) is that code
    (its path names no 类 or 款: it had been unresolved)."""
    text = (CORPUS / "wuhan-info-center-2024.md").read_text(encoding="utf-8")
    old = "（1）住房保障支出（类）住房改革支出（款）住房公积金（项）年初预算为 77.64万元"
    assert old in text
    coded = text.replace(old, "（1）2210201住房公积金：年初预算为77.64万元")
    parsed = interpret(parse_document("x.md", coded.encode("utf-8")))
    lines = [(b.subject_code, b.code_method, b.original_budget_wan) for b in parsed.budget_lines]
    assert ("2210201", "table_name", Decimal("77.64")) in lines


_ABROAD_ZERO = [("abroad_budget", "0.00", None, None), ("abroad", "0.00", None, None)]


@pytest.mark.parametrize(
    ("lines", "want"),
    [
        *[  # the items as offices word them, with or without a list mark of any kind
            ((_3P, f"{mark}{item}全年预算为0.00万元，支出决算为0.00万元。"), _ABROAD_ZERO)
            for mark in ("", "①", "一是", "(1)", "1、")
            for item in ("公务出国（境）费", "出国（境）经费", "出国费")
        ],
        ((_3P, "②公车购置及运维费全年预算为4.09万元。"), [("vehicle_total_budget", "4.09", None, None)]),
        ((_3P, "车辆运行维护费支出决算为4.09万元。"), [("vehicle_operation", "4.09", None, None)]),
        (
            (_3P, "接待费全年预算为0.14万元，较上年增加0.07万元。"),
            [
                ("official_reception_budget", "0.14", None, None),
                ("official_reception_change", "0.07", None, None),
            ],
        ),
        *[  # the total in any quotes: no unknown 经费
            ((_3P, f"2024年度{total}财政拨款支出全年预算为4.23万元。"), [("three_public_budget", "4.23", None, None)])
            for total in ('"三公"经费', "「三公」经费", "三公经费")
        ],
        # an item the reader does not know, listed by any mark or by none, or heading the paragraph below: nothing,
        # not the 三公 total
        *[((_3P, f"{mark}差旅费全年预算为0.00万元，较上年持平。"), []) for mark in ("", "①", "一是")],
        ((_3P, "1.差旅费", "全年预算为0.00万元，支出决算为0.00万元。"), []),
    ],
)
def test_three_public_items_in_other_wordings_and_unknown_items(lines, want):
    """三公 items worded otherwise (公务出国（境）费, 出国费, 公车购置及运维费, 接待费 …) are read as those items,
    listed by ① / 一是 or by no mark; an item the reader does not know is read as nothing (each had been read as
    the 三公 total: three_public_budget 0.00 beside the real total)."""
    assert figures(*lines) == _rows(*want)


@pytest.mark.parametrize("marks", ["①②③④", ["一是", "二是", "三是", "四是"]])
def test_budget_lines_numbered_with_circled_numbers_or_yi_shi(marks):
    """Budget lines numbered ①②③ or 一是 / 二是 in place of （1）（2）（3）: the mark is no part of the class's
    name, and every 项 has its code as in the real document (the mark had been kept in the name:
    ②社会保障和就业支出, code unresolved)."""
    text = (CORPUS / REAL).read_text(encoding="utf-8")
    numbered = re.sub(r"(?m)^（(\d)）(?=.*（类）)", lambda m: marks[int(m[1]) - 1], text)
    assert numbered != text
    parsed = interpret(parse_document("x.md", numbered.encode("utf-8")))
    real = interpret(parse_document("x.md", text.encode("utf-8")))
    assert [(b.class_name, b.subject_code) for b in parsed.budget_lines] == [
        (b.class_name, b.subject_code) for b in real.budget_lines
    ]
    assert {b.subject_code for b in parsed.budget_lines} == set(BUDGET_EXECUTION)


def _in_narrative(edit) -> str:
    """The real document with ``edit`` applied to each paragraph of its 第三部分 (no heading, no table row)."""
    lines = (CORPUS / REAL).read_text(encoding="utf-8").split("\n")
    start = next(k for k, line in enumerate(lines) if line.startswith("## 第三部分") and k > 300)
    end = next(k for k, line in enumerate(lines) if line.startswith("## 第四部分") and k > start)
    for k in range(start + 1, end):
        if lines[k].strip() and not lines[k].startswith("#") and "\t" not in lines[k]:
            lines[k] = edit(lines[k])
    return "\n".join(lines)


def _stated(text: str) -> tuple:
    parsed = interpret(parse_document("x.md", text.encode("utf-8")))
    return (
        [(s.key, s.amount_wan, s.percent, s.quantity, s.detail) for s in parsed.statements],
        [(b.subject_code, b.original_budget_wan, b.final_wan) for b in parsed.budget_lines],
        [(p.project_name, p.amount_wan) for p in parsed.projects],
    )


@pytest.mark.parametrize(
    "edit",
    [
        lambda line: re.sub(r"(\d)\s*万元", r"\1万", line),  # 3,797.75万: 万元 as 万
        lambda line: re.sub("(万元)", r"\1[^1]", line, count=1),  # a markdown footnote after the first unit
        lambda line: re.sub("(万元)", r"\1①", line, count=1),
        lambda line: re.sub(r"(\d)\s*万元", r"\1万①", line, count=1),
    ],
)
def test_amounts_in_wan_and_with_footnote_marks_after_the_unit(edit):
    """Narrative amounts written with 万 for 万元 (3,797.75万，), or with a footnote mark after the unit (万元[^1],
    万元①): every figure, budget line and project reads as in the real document (54 of 76 figures, every budget line
    and project had been lost with 万; a figure with a mark, or the next one, was lost or given to another key)."""
    real = _stated((CORPUS / REAL).read_text(encoding="utf-8"))
    assert real[0] and real[1] and real[2]
    assert _stated(_in_narrative(edit)) == real


def test_wan_before_a_word_is_no_amount():
    """万 for 万元 before a mark (3,797.75万。) is an amount; 万 before a word (1.2万人次) is a count, no amount."""
    lines = ("一、收入支出决算总体情况说明", "收入总计1.2万人次，支出总计3,797.75万。")
    assert figures(*lines) == _rows(("expense_total", "3797.75", None, None))


@pytest.mark.parametrize("name", ["公共财政拨款", "一般公共财政拨款"])
def test_narrative_in_the_words_before_2015(name):
    """一般公共预算财政拨款 named as the 2014 templates name it (公共财政拨款; 一般公共财政拨款 in between), in the
    headings and sentences of 第三部分: every figure is read as in the real document, in the same section (14 of 76
    had been lost: 公共财政拨款收入 and 支出 and their changes, and the 公共财政拨款支出决算情况说明 section read as
    the 支出决算 one, its by-class shares and budget lost, its 基本支出 / 项目支出 given to that section)."""
    text = (CORPUS / REAL).read_text(encoding="utf-8")
    start = text.index("## 第三部分", text.index("公开 09 表"))
    end = text.index("## 第四部分", start)
    old = text[:start] + text[start:end].replace("一般公共预算财政拨款", name) + text[end:]
    assert old.count(name) > 10

    def stated(text: str) -> list[tuple]:
        parsed = interpret(parse_document("x.md", text.encode("utf-8")))
        return [(s.section, s.key, s.amount_wan, s.percent) for s in parsed.statements]

    assert stated(old) == stated(text) and len(stated(text)) == 76
    assert _stated(old) == _stated(text)


_3P_TOTAL = "2024 年度“三公”经费财政拨款支出全年预算为 4.23 万元，"
_3P_HEADED = "(一) “三公”经费财政拨款支出决算总体情况说明。**\n\n" + _3P_TOTAL


@pytest.mark.parametrize(
    ("old", "new"),
    [
        *[(_3P_TOTAL, _3P_TOTAL.replace("“三公”经费", total)) for total in ("“三公“经费", "'三公'经费", "“三公”费用")],
        (_3P_TOTAL, "2024 年度本单位严格控制经费支出，财政拨款支出全年预算为 4.23 万元，"),
        *[  # the paragraph naming nothing: the heading's total
            (_3P_HEADED, f"(一) {heading}支出决算总体情况说明**\n\n2024 年度财政拨款支出全年预算为 4.23 万元，")
            for heading in ("“三公“经费财政拨款", "'三公'经费财政拨款", "“三公”费用", "经费")
        ],
    ],
)
def test_three_public_total_in_any_wording_and_no_item_in_its_lead(old, new):
    """The 三公 total's paragraph, or the sub-heading over it (no 。 at its end: a heading), with the quotes the
    wrong way round, in ASCII quotes, as 三公费用 or with 经费 in a lead clause: every figure of the real document
    is read (the 经费 / 费用 had been taken for an item the reader does not know: the total's budget, actual and
    change lost without a word)."""
    text = (CORPUS / REAL).read_text(encoding="utf-8")
    assert old in text
    edited = interpret(parse_document("x.md", text.replace(old, new).encode("utf-8")))
    real = interpret(parse_document("x.md", text.encode("utf-8")))
    assert [(s.key, s.amount_wan, s.line) for s in edited.statements] == [
        (s.key, s.amount_wan, s.line) for s in real.statements
    ]
    assert len(real.statements) == 76
