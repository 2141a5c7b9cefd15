"""绩效自评表 printed in forms other templates and offices use, made from the real document: its numbers, as the
parser reads them there, must not change."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from loaders.interpret.performance import _quantity
from loaders.pipeline import ParsedDocument

from .test_forms import REAL, in_table, indicators, parse
from .test_layouts import LINES, deviation_reason_column, table_block

FIRST = "#### 2024 年度本级支出项目（大数据中心工作经费）自评表"  # the unit's 整体支出 evaluation
LAST = "2024 年武汉市电子政务外网服务升级项目评价表"


def budgets(parsed: ParsedDocument) -> list[tuple]:
    return [
        (e.budget_wan, e.executed_wan, e.execution_rate_printed, e.budget_score_reported, e.budget_score_weight)
        for e in parsed.evaluations
    ]


def national_budget(weight: str = "20", rate: str = "100%", score: str = "20.00", rate_head: str = "执行率") -> list:
    """The last evaluation with the national template's budget rows (年初预算数 500.00, which the real document
    does not print, then its 全年预算数 and 全年执行数 584.81)."""
    first, end = table_block(LAST)
    at = next(i for i in range(first, end) if LINES[i].startswith("预算执行情况"))
    rows = [
        f"项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t{rate_head}\t得分\t",
        f"\t年度资金总额\t500.00\t584.81\t584.81\t{weight}\t{rate}\t{score}\t",
        "\t其中：当年财政拨款\t500.00\t584.81\t584.81\t—\t—\t—\t",
        "\t上年结转资金\t0\t0\t0\t—\t—\t—\t",
    ]
    return [*LINES[:at], *rows, *LINES[at + 3 :]]


@pytest.mark.parametrize(
    ("lines", "blank"),
    [
        (national_budget(), ()),
        (national_budget(score=""), (3,)),
        (national_budget(score="—"), (3,)),
        (national_budget(weight=""), (4,)),
        (national_budget(rate="100", rate_head="执行率（%）"), ()),
        (national_budget(rate="1"), ()),
        (national_budget(rate="1.00"), ()),
    ],
    ids=["filled", "score-blank", "score-dash", "weight-blank", "rate-without-percent", "rate-1", "rate-1.00"],
)
def test_budget_values_read_under_their_labels(lines, blank):
    """A is 全年预算数 and B 全年执行数 also when a cell of the row is blank or '—' or the rate has no %; the blank
    cell's value stays blank, the others keep theirs; a rate printed as a fraction (1, 1.00) is 100 (it had been 1)."""
    want = budgets(REAL)
    want[-1] = tuple(None if k in blank else v for k, v in enumerate(want[-1]))
    assert want[-1][:2] == (Decimal("584.81"), Decimal("584.81"))
    assert budgets(parse(lines)) == want


def with_goal(goal: str) -> list[str]:
    """The last evaluation with a 年度目标 row above its indicator header."""
    first, end = table_block(LAST)
    at = next(i for i in range(first, end) if "三级指标" in LINES[i])
    return [*LINES[:at], f"年度目标\t\t{goal}\t\t\t\t\t\t", *LINES[at:]]


@pytest.mark.parametrize(
    ("lines", "kind"),
    [
        (in_table(LAST, lambda line: line.replace("外网服务升级项目", "外网整体升级项目")), "project"),
        ([line.replace("外网服务升级", "外网整体升级") if line == LAST else line for line in LINES], "project"),
        (with_goal("提升电子政务外网整体运行效率"), "project"),
        ([line.replace("评价表", "整体支出绩效自评表") if line == LAST else line for line in LINES], "unit_overall"),
    ],
    ids=["name", "caption", "goal", "overall-caption"],
)
def test_evaluation_kind_from_structure(lines, kind):
    """整体 in a project's name, caption or goal makes no 整体支出 evaluation; a caption saying 整体支出绩效 does.
    The first evaluation stays the unit's (its budget row is the 部门整体支出总额), the others projects."""
    parsed = parse(lines)
    assert [e.kind for e in REAL.evaluations] == ["unit_overall"] + ["project"] * 6
    assert [e.kind for e in parsed.evaluations] == [*(e.kind for e in REAL.evaluations[:-1]), kind]
    assert indicators(parsed) == indicators(REAL) and budgets(parsed) == budgets(REAL)


@pytest.mark.parametrize(
    "row",
    [
        "总分\t\t\t\t\t\t100.00\t96分\t",
        "总分\t\t\t\t\t\t100.00\t96（优）\t",
        "自评总分\t\t\t\t\t\t100.00\t96\t",
        "合计\t\t\t\t\t\t100.00\t96\t",
        "综合得分\t\t\t\t\t\t100.00\t96\t",
        "自评得分\t96\t\t\t\t\t\t\t",
        "\t总分\t\t\t\t\t100.00\t96\t",
    ],
    ids=["points", "grade", "self-total", "sum", "overall-score", "self-score-alone", "label-in-second-cell"],
)
def test_total_score_row_forms(row):
    """The unit's evaluation with the total score its narrative states (自评总分96分) printed under 得分, beside
    the weight total 100.00, or alone after a label of another template, or with its label in the second cell (the
    first left blank, as the indicator rows leave it: the total had been lost)."""
    at = next(i for i in range(LINES.index(FIRST), len(LINES)) if LINES[i].startswith("总分"))
    parsed = parse([*LINES[:at], row, *LINES[at + 1 :]])
    totals = [e.total_score_printed for e in parsed.evaluations]
    assert totals == [Decimal("96")] + [e.total_score_printed for e in REAL.evaluations[1:]]
    assert REAL.evaluations[0].total_score_printed == Decimal("100.00")
    assert indicators(parsed) == indicators(REAL)


def test_indicator_header_saying_self_evaluation_score():
    """自评得分 for 得分, with a 偏差原因分析及改进措施 column filled in: every indicator still read."""
    lines = [line.replace("\t得分\t偏差原因", "\t自评得分\t偏差原因") for line in deviation_reason_column()]
    assert sum("自评得分" in line for line in lines) == 11
    assert indicators(parse(lines)) == indicators(REAL) and len(indicators(REAL)) == 65


def test_indicator_header_saying_actual_completion():
    """实际完成情况 for 实际完成值, 专题策划 | 27 个 | 42 | 1.01 | (blank 得分): 42 is the actual, 1.01 the weight."""
    at = next(i for i, line in enumerate(LINES) if "\t专题策划\t" in line)
    lines = list(LINES)
    lines[at - 1] = lines[at - 1].replace("实际完成值(B)", "实际完成情况")
    lines[at] = lines[at].rsplit("\t", 1)[0] + "\t"
    assert "实际完成情况" in lines[at - 1]
    got, want = indicators(parse(lines)), indicators(REAL)
    k = next(k for k, i in enumerate(want) if i[2] == "专题策划")
    assert got[k] == (*want[k][:6], None) and want[k][4:6] == ("42", Decimal("1.01"))
    assert got[:k] + got[k + 1 :] == want[:k] + want[k + 1 :]


def two_row_header(line: str) -> list[str]:
    """An indicator header printed on two rows: 指标 … 分值 | 得分 over 一级指标 | 二级指标 | 三级指标."""
    cells = line.split("\t")
    upper = [("指标" if c == "一级指标" else "") if c.endswith("级指标") else c for c in cells]
    lower = [c if c.endswith("级指标") else "" for c in cells]
    return ["\t".join(upper), "\t".join(lower)]


def test_indicator_header_on_two_rows():
    lines = [row for line in LINES for row in (two_row_header(line) if "\t三级指标\t" in line else [line])]
    assert len(lines) == len(LINES) + 11
    assert indicators(parse(lines)) == indicators(REAL)


def test_weights_and_scores_printed_with_points():
    """20.00分 | 20.00分 (and 10.00分 alone where the real document prints no score)."""
    lines = in_table(LAST, lambda line: re.sub(r"(?<=\t)(\d+\.\d\d)(?=(\t\d+\.\d\d)?$)", r"\1分", line))
    assert sum(a != b for a, b in zip(lines, LINES, strict=True)) == 6
    assert indicators(parse(lines)) == indicators(REAL)


def test_an_evaluation_whose_indicators_are_not_read_is_reported():
    """A header whose score column is named by no known word (评分): no indicator, and a warning that says so."""
    lines = in_table(LAST, lambda line: line.replace("\t得分", "\t评分") if "三级指标" in line else line)
    parsed = parse(lines)
    got = parsed.evaluations
    assert [len(e.indicators) for e in got] == [*(len(e.indicators) for e in REAL.evaluations[:-1]), 0]
    warning = f"table at line 848 ({LAST}): no indicator row read under its 三级指标 header"
    assert [e.warnings for e in got] == [[]] * 6 + [[warning]] and parsed.document.warnings == [warning]


def test_an_evaluation_listing_many_tasks_before_its_indicators():
    """A 部门整体 evaluation lists its tasks (年度主要任务) first: its 三级指标 header past the twelfth row was not
    looked for, and the table was reported as an unknown one."""
    first, _ = table_block(FIRST)
    tasks = [f"\t任务{k}\t\t内容{k}\t\t1.00\t1.00\t" for k in range(1, 15)]
    parsed = parse([*LINES[: first + 1], *tasks, *LINES[first + 1 :]])
    assert indicators(parsed) == indicators(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize(
    "lines",
    [LINES, in_table(LAST, lambda line: line.replace("实际完成值(B)", "全年实际(B)"))],
    ids=["actual-named", "actual-unnamed"],
)
def test_a_row_printed_one_cell_right_of_a_header_with_a_column_after_the_score(lines):
    """An indicator row one cell right of its header (as the real document prints 服务对象满意度指标) under a header
    naming 偏差原因分析及改进措施 after 得分: weight and score are both read (the row was cut at the header's 得分
    column and its score lost), also where the header names no actual's column (全年实际) and the row is read from
    the right."""
    row = "\t服务对象满意度指标\t\t99%\t100%\t10.00\n"
    text = "\n".join(lines) + "\n"
    assert text.count(row) == 1
    scored = text.replace(row, "\t服务对象满意度指标\t\t99%\t100%\t10.00\t10.00\n").split("\n")
    last = parse(deviation_reason_column(scored)).evaluations[-1]
    found = [(i.weight, i.score_reported) for i in last.indicators if i.indicator == "服务对象满意度指标"]
    assert found == [(Decimal("10.00"), Decimal("10.00"))]


def test_a_recomputed_score_rounds_half_up():
    """1.93 × 10/20 = 0.965 is 0.97, as accounts round (四舍五入); Decimal's default half-even had made it 0.96, a
    cent off the score an office computed right."""
    row = "\t产出指标\t质量指标\t市政府门户网站绩效评估位居全国同类城市位次\t≤10\t1\t1.94\t1.94"
    assert row in LINES
    parsed = parse([line.replace(row, row.replace("≤10\t1\t1.94\t1.94", "≤10\t20\t1.93\t0.97")) for line in LINES])
    found = [i for e in parsed.evaluations for i in e.indicators if i.actual_text == "20"]
    assert [(i.weight, i.score_reported, i.score_recomputed) for i in found] == [
        (Decimal("1.93"),) + (Decimal("0.97"),) * 2
    ]


def tall(line: str, parts: dict[str, list[str]], beside: int) -> list[str]:
    """``line`` as a converter writes a row with tall cells a row per line: each cell in ``parts`` a line a row, the
    row's other cells beside its line ``beside`` (0: the first, -1: the last)."""
    cells = line.split("\t")
    n = len(next(iter(parts.values())))
    rows = [[c if i == range(n)[beside] else "" for c in cells] for i in range(n)]
    for text, lines in parts.items():
        assert "".join(lines) == text.replace(" ", "")
        for row, part in zip(rows, lines, strict=True):
            row[cells.index(text)] = part
    return ["\t".join(row) for row in rows]


def tall_cells(changes: dict[str, dict[str, list[str]]], beside: int) -> list[str]:
    """The lines with the last evaluation's rows beginning with a key of ``changes`` written a row per line (tall)."""
    first, end = table_block(LAST)
    rows = [
        next((tall(line, parts, beside) for text, parts in changes.items() if line.startswith(text)), [line])
        for line in LINES[first:end]
    ]
    return [*LINES[:first], *(row for lines in rows for row in lines), *LINES[end:]]


@pytest.mark.parametrize("beside", [0, -1], ids=["first-line", "last-line"])
def test_tall_cells_written_a_row_per_line(beside):
    """The last evaluation's project name and its first two indicators' names and targets in tall cells a converter
    wrote a row per line, the row's other cells beside the first or the last: the name was cut (武汉市电子政务), the
    indicator named by one line (城域网, or 汇聚节点 with the target 个, or the 二级指标 指标); joined to their row, by
    what the joined texts read (数量指标, 10 个 and not 个 16 个)."""
    lines = tall_cells(
        {
            "项目名称\t\t武汉市电子政务外网": {
                "武汉市电子政务外网服务升级项目": ["武汉市电子政务", "外网服务升级项目"]
            },
            "\t产出指标（70分）\t数量指标": {
                "数量指标": ["数量", "指标"],
                "城域网汇聚节点": ["城域网", "汇聚节点"],
                "10 个": ["10", "个"],
            },
            "\t\t\t广域网接入节点": {"广域网接入节点": ["广域网", "接入节点"], "16 个": ["16", "个"]},
        },
        beside,
    )
    assert len(lines) == len(LINES) + 3
    parsed = parse(lines)
    assert [e.fields for e in parsed.evaluations] == [e.fields for e in REAL.evaluations]
    assert indicators(parsed) == indicators(REAL) and parsed.document.warnings == []
    first_two = parsed.evaluations[-1].indicators[:2]
    assert [(i.target_value, i.target_unit, i.score_recomputed) for i in first_two] == [
        (Decimal(10), "个", Decimal("13.00")),
        (Decimal(16), "个", Decimal("13.00")),
    ]


def test_a_tall_cell_line_told_to_no_row_is_reported():
    """Only one indicator's name in a tall cell, its other cells beside its first line: its second line (接入节点) is
    as well the beginning of the name below (as when the cells are beside the last line); nothing tells them apart,
    so the line is left out, as before, with a warning."""
    lines = tall_cells({"\t\t\t广域网接入节点": {"广域网接入节点": ["广域网", "接入节点"]}}, 0)
    parsed = parse(lines)
    want = [(*i[:2], "广域网", *i[3:]) if i[2] == "广域网接入节点" else i for i in indicators(REAL)]
    assert indicators(parsed) == want and want != indicators(REAL)
    at = lines.index("\t\t\t接入节点\t\t\t\t\t") + 1
    assert parsed.document.warnings == [
        f"table at line 848 ({LAST}): '接入节点' on rows of their own (line {at}): not told whether the rest of the "
        "indicator above or the beginning of the one below, left out"
    ]


SITES = "2024 年武汉市政府网站集约化平台基础资源及安全运维项目评价表"  # ≥55 家, ≥95%, ≤12 小时, ≤1%, ≥90%
REASON = "偏差原因分析及改进措施"


def indicator_rows(change: Callable[[list[str]], list[str]], caption: str = SITES) -> list[str]:
    """The lines with ``change`` applied to the cells of the indicator header and rows of the evaluation under
    ``caption`` (年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | (blank) | 年初目标值 | 实际完成值 | 目标分值 |
    得分)."""
    first, end = table_block(caption)
    at = next(i for i in range(first, end) if "三级指标" in LINES[i])
    stop = next(i for i in range(at, end) if LINES[i].startswith("总分"))
    return [*LINES[:at], *("\t".join(change(line.split("\t"))) for line in LINES[at:stop]), *LINES[stop:]]


def recomputed(parsed: ParsedDocument) -> list[tuple]:
    return [
        (i.indicator, i.target_op, i.target_value, i.target_unit, i.actual_value, i.score_recomputed)
        for e in parsed.evaluations
        for i in e.indicators
    ]


def _columns(order: tuple[int, ...], *after: str) -> Callable[[list[str]], list[str]]:
    """Cells in ``order``, then the columns ``after`` (filled with 无 under the header)."""
    return lambda c: [c[k] for k in order] + ([*after] if c[3] == "三级指标" else ["无"] * len(after))


@pytest.mark.parametrize(
    "change",
    [
        _columns((0, 1, 2, 3, 4, 5, 7, 6, 8), REASON),
        _columns((0, 1, 2, 3, 4, 7, 5, 6, 8), REASON),
        _columns((0, 1, 2, 3, 4, 5, 6, 7, 8), "未完成原因", "改进措施"),
        _columns((0, 1, 2, 3, 4, 5, 6, 7, 8), "备注"),
    ],
    ids=["weight-before-actual", "weight-first", "reasons-split", "remark"],
)
def test_indicator_columns_in_another_order_with_remarks_after_the_score(change):
    """分值 before 实际完成值 or first, and remark columns (偏差原因, 备注) after 得分 filled in: read by the header's
    words (read from the right, the target had become the indicator's name and the weight its actual)."""
    parsed = parse(indicator_rows(change))
    assert indicators(parsed) == indicators(REAL) and recomputed(parsed) == recomputed(REAL)


def _unit_column(label: str) -> Callable[[list[str]], list[str]]:
    """The unit in a column of its own after the target (≥55 家 → ≥55 | 家; 55 家 → 55)."""

    def change(c: list[str]) -> list[str]:
        if c[3] == "三级指标":
            return [*c[:6], label, *c[6:]]
        unit = re.sub(r"^[≥≤]?[\d.]+\s*", "", c[5])
        return [*c[:5], c[5].removesuffix(unit).strip(), unit, c[6].removesuffix(unit).strip(), *c[7:]]

    return change


@pytest.mark.parametrize("label", ["指标值单位", "计量单位", "单位"])
def test_indicator_units_in_a_column_of_their_own(label):
    """指标值单位 (the words of 指标值 in it) named the target's column; the unit was lost and the actual read
    without it."""
    lines = indicator_rows(_unit_column(label))
    assert "\t≥55\t家\t55\t" in "\n".join(lines)
    assert recomputed(parse(lines)) == recomputed(REAL)


def _nature(word: str) -> Callable[[list[str]], list[str]]:
    """A 指标性质 column (header ``word``) saying 正向 / 反向 in the blank cell, the targets printed without ≥ / ≤."""
    nature = {"≥": "正向", "≤": "反向"}
    return lambda c: [*c[:4], word if c[3] == "三级指标" else nature.get(c[5][:1], ""), c[5].lstrip("≥≤"), *c[6:]]


@pytest.mark.parametrize("word", ["指标性质", "绩效指标性质", "指标方向"])
def test_indicator_direction_from_a_column_of_its_own(word):
    """Targets printed without a sign (12 小时, 1%) beside a column saying 反向: scored as 反向 (A/B), as the
    office did; read as 正向 they had scored 0.42 of 5 (1 hour against 12) and 0.00 (0% against 1%)."""
    parsed = parse(indicator_rows(_nature(word)))
    assert recomputed(parsed) == recomputed(REAL)
    assert [i.score_recomputed for i in REAL.evaluations[1].indicators][2:4] == [Decimal("5.00")] * 2


@pytest.mark.parametrize(
    ("at_least", "at_most", "after"),
    [
        (">=", "<=", False),
        ("≧", "≦", False),
        ("不小于", "不大于", False),
        ("以上", "以内", True),
        ("以上", "以下", True),
        ("＞＝", "＜＝", False),
        ("＞=", "＜=", False),
    ],
    ids=["ascii", "other-signs", "words", "above-within", "above-below", "full-width", "full-width-and-ascii"],
)
def test_target_signs_in_other_forms(at_least, at_most, after):
    """≥ / ≤ written >= / <=, ≧ / ≦, 不小于 / 不大于, after the unit (55 家以上, 12 小时以内), or in full-width
    signs (＞＝, ＞=): the same target (they had been read as text, or their sign as part of the unit)."""

    def sign(c: list[str]) -> list[str]:
        if c[5][:1] not in "≥≤":
            return c
        word = at_least if c[5][0] == "≥" else at_most
        return [*c[:5], c[5][1:] + word if after else word + c[5][1:], *c[6:]]

    lines = indicator_rows(sign)
    assert sum(at_most in line for line in lines) == 2 + sum(at_most in line for line in LINES)
    assert recomputed(parse(lines)) == recomputed(REAL)


def sources_before_the_total() -> list[str]:
    """The last evaluation's budget as its sources (当年财政拨款, 上年结转资金, 其他资金) and then their 合计."""
    first, end = table_block(LAST)
    at = next(i for i in range(first, end) if LINES[i].startswith("预算执行情况"))
    rows = [
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t",
        "\t当年财政拨款\t500.00\t550.00\t550.00\t—\t—\t—\t",
        "\t上年结转资金\t0\t34.81\t34.81\t—\t—\t—\t",
        "\t其他资金\t0\t0\t0\t—\t—\t—\t",
        "\t合计\t500.00\t584.81\t584.81\t20\t100%\t20.00\t",
    ]
    return [*LINES[:at], *rows, *LINES[at + 3 :]]


def tasks_before_the_budget() -> list[str]:
    """The unit's 整体 evaluation listing its tasks with their money (年度主要任务 | 任务名称 | … | 预算数 | 执行数)
    before its budget."""
    first, _ = table_block(FIRST)
    tasks = [
        "年度主要任务\t任务名称\t\t主要内容\t预算数\t执行数\t\t\t",
        "\t政务外网运维\t\t保障运行\t300.00\t290.00\t\t\t",
    ]
    return [*LINES[: first + 1], *tasks, *LINES[first + 1 :]]


@pytest.mark.parametrize("lines", [sources_before_the_total(), tasks_before_the_budget()], ids=["sources", "tasks"])
def test_budget_read_from_its_total_row(lines):
    """A and B from the row naming the total, below its sources; from the budget block, not a task list above it
    (its first source's 550.00, or the task's 300.00, had been read as the budget)."""
    assert budgets(parse(lines)) == budgets(REAL)


@pytest.mark.parametrize(
    ("target", "beside"), [(["16", "个", ""], 0), (["", "16", "个"], -1)], ids=["first-line", "last-line"]
)
def test_tall_cells_of_different_heights(target, beside):
    """An indicator's name over three lines and its target over two, both beginning on the line of the row's other
    cells (beside its first) or ending there (beside its last): joined (they were left out with a warning: the lines
    did not all fill the same cells)."""
    name = ["广域网", "接入", "节点"]
    parsed = parse(tall_cells({"\t\t\t广域网接入节点": {"广域网接入节点": name, "16 个": target}}, beside))
    assert indicators(parsed) == indicators(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize(
    ("target", "left_out"),
    [(["16", "", "个"], "接入 | 节点 | 个"), (["", "16", "个"], "接入 | 16 | 节点 | 个")],
    ids=["blank-between", "below-the-line"],
)
def test_tall_cells_no_placement_explains_are_reported(target, left_out):
    """An indicator's name over three lines beside its other cells' first, its target over two lines a blank line
    apart (16 | (blank) | 个) or below that line ((blank) | 16 | 个): no placement of the row's one-line cells explains
    the lines; they are left out with a warning (the reader had crashed on the first; the second had been read as the
    beginning of the indicator below, 接入节点互联网出口带宽 with the target '16 个 20G')."""
    lines = tall_cells({"\t\t\t广域网接入节点": {"广域网接入节点": ["广域网", "接入", "节点"], "16 个": target}}, 0)
    parsed = parse(lines)
    want = [(*i[:2], "广域网", target[0], *i[4:]) if i[2] == "广域网接入节点" else i for i in indicators(REAL)]
    assert indicators(parsed) == want
    at = next(n for n, line in enumerate(lines) if line.startswith("\t\t\t接入\t")) + 1
    assert parsed.document.warnings == [
        f"table at line 848 ({LAST}): '{left_out}' on rows of their own (line {at}): not told whether the rest of the "
        "indicator above or the beginning of the one below, left out"
    ]


def one_row_moved(row: str, remark: bool) -> list[str]:
    """The SITES evaluation without its blank column, with a 偏差原因 column after 得分 filled in where ``remark``, the
    row of the indicator ``row`` names replaced by ``row``."""

    def change(c: list[str]) -> list[str]:
        c = c[:4] + c[5:]
        if c[3] == "三级指标":
            return c + [REASON] * remark
        return row.split("\t") if c[3] in row.split("\t") else c + ["无"] * remark

    return indicator_rows(change)


@pytest.mark.parametrize(
    ("remark", "row", "read"),
    [
        (True, "\t\t\t时效指标\t故障恢复时间\t12 小时\t5\t5.00\t5.00", ("12 小时", "5", "5.00")),
        (False, "\t\t\t质量指标\t网站正常访问率\t95%\t99.83\t13.00", ("95%", "99.83", None)),
        (False, "\t\t\t时效指标\t故障恢复时间\t12 小时\t1\t5.00", ("12 小时", "1", None)),
        (False, "\t\t\t时效指标\t故障恢复时间\t≤12 小时\t5\t5.00", ("≤12 小时", "5", None)),
        (False, "\t\t产出指标 (40 分)\t数量指标\t接入站点运维全覆盖\t55 家\t55\t17.00", ("55 家", "55", None)),
        (True, "\t质量指标\t网站正常访问率\t≥95%\t99.83%\t13.00\t13.00\t无", ("≥95%", "99.83%", "13.00")),
    ],
    ids=["score-under-remark", "weight-over-points", "score-over-weight", "signed-actual", "level1-as-level2", "left"],
)
def test_a_row_one_cell_off_its_header_read_where_its_cells_fit(remark, row, read):
    """A row one cell right of a header with no blank column (its score under 偏差原因, or left blank) or one cell left,
    its actual a bare number: read where its cells fit the header's words (target, actual, score: ``read``). As printed
    its 二级指标 had become its name, its name the target, its target the actual and its actual the weight (99.83), as
    nothing told: a number under 偏差原因, a weight over 产出指标's 40 points or under the score, a signed actual beside
    a target that is no quantity, 产出指标 under 二级指标, ≥95% under 三级指标."""
    target, actual, score = read
    real, first = indicators(REAL), len(REAL.evaluations[0].indicators)  # the unit's evaluation names them too
    want = [(*i[:3], target, actual, i[5], score and Decimal(score)) if i[2] in row.split("\t") else i for i in real]
    parsed = parse(one_row_moved(row, remark))
    assert indicators(parsed) == real[:first] + want[first:] and parsed.document.warnings == []


def test_weights_over_100_are_reported():
    """A row one cell right as no check tells (its actual 30 read as the weight, within 产出指标's 40 points and over
    the score): the weights sum to 117.00 with the budget's 20, which says a row is read from the wrong cells."""
    parsed = parse(one_row_moved("\t\t\t质量指标\t网站正常访问率\t95%\t30\t13.00", False))
    assert [i.weight for i in parsed.evaluations[1].indicators][1] == Decimal(30)
    assert parsed.document.warnings == [
        f"table at line 710 ({SITES}): the weights sum to 117.00 with the budget's, over 100: an indicator row may be "
        "read from the wrong cells"
    ]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("达到2023年水平", None),  # a year and a level, not 2023 of a unit '年水平'
        ("高于上年同期", None),
        ("控制在90%以上", None),  # signs before and after the number contradict each other
        ("达到95%", ("≥", Decimal("95"), "%")),
        ("控制在3天以内", ("≤", Decimal("3"), "天")),
        ("3年", (None, Decimal("3"), "年")),
    ],
)
def test_a_target_in_words_around_a_number_is_no_quantity(text, read):
    """The sign words read this session (达到, 高于, 控制在, 以上 …) had made 达到2023年水平 a target of ≥ 2023 '年水平'
    and 控制在90%以上 one of ≤ 90%: such targets stay text (no recomputed score) unless a quantity reads plainly."""
    assert _quantity(text) == read


@pytest.mark.parametrize("between", [[], ["第 2 页", ""]], ids=["header", "page-number"])
def test_an_indicator_table_over_two_pages_with_its_header_repeated(between):
    """The SITES evaluation broken after its second indicator, the next page repeating the indicator header: the rows
    under it that print no 一级指标 (时效指标 | 故障恢复时间, in the 产出指标 cell above) keep 产出指标 (it had been
    lost: each header began its rows afresh, as a 部门整体 evaluation's next 年度目标 does)."""
    first, end = table_block(SITES)
    at = next(i for i in range(first, end) if "三级指标" in LINES[i])
    assert LINES[at + 3].startswith("\t\t时效指标\t")
    parsed = parse([*LINES[: at + 3], "", *between, LINES[at], *LINES[at + 3 :]])
    assert indicators(parsed) == indicators(REAL) and parsed.document.warnings == []


def test_an_indicator_table_without_a_weight_column():
    """A partial self-evaluation printing 得分 and no 分值 (实际完成值 | 得分): each row's number at the right is its
    score, the weight stays blank (the score had been read as the weight, and the row whose actual is a bare 0 lost,
    its 0 | 5.00 read as weight and score)."""
    parsed = parse(indicator_rows(lambda c: c[:7] + c[8:]))
    got, real = parsed.evaluations[1].indicators, REAL.evaluations[1].indicators
    assert [(i.indicator, i.actual_text, i.weight, i.score_reported, i.score_rule) for i in got] == [
        (i.indicator, i.actual_text, None, i.score_reported, "no weight printed") for i in real
    ]
    assert len(got) == 5 and real[3].actual_text == "0"


@pytest.mark.parametrize(
    ("rate", "read"),
    [("0.9513", "95.13"), ("95.13", "95.13"), ("95.13%", "95.13")],
    ids=["fraction", "bare", "percent"],
)
def test_execution_rate_printed_as_a_fraction(rate, read):
    """336.27 of 353.48 executed, the rate printed 0.9513 (B/A as a fraction) under 执行率 (B/A): 95.13 percent, as
    the other forms read (it had been 0.9513, which the 执行率 check then failed); the score 19.03 as printed."""
    first, end = table_block(SITES)
    at = next(i for i in range(first, end) if LINES[i].startswith("预算执行情况"))
    assert LINES[at + 2] == "\t\t\t353.48\t353.48\t100%\t20.00\t\t" and "执行率 (B/A)" in LINES[at]
    row = f"\t\t\t353.48\t336.27\t{rate}\t19.03\t\t"
    got = parse([*LINES[: at + 2], row, *LINES[at + 3 :]]).evaluations[1]
    assert (got.budget_wan, got.executed_wan, got.execution_rate_printed, got.budget_score_reported) == (
        Decimal("353.48"),
        Decimal("336.27"),
        Decimal(read),
        Decimal("19.03"),
    )
