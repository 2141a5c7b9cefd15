"""绩效自评表 appendices: project header, budget execution (A, B, 执行率, 得分) and indicator rows.

Indicator scores are recomputed with the rules the documents print in their notes: 正向指标 (≥X)
weight × min(1, B/A); 反向指标 (≤X) weight × min(1, A/B); never above the weight. Where a target or
actual cannot be compared (text, different units, target 0) the recomputed score stays null with a reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from itertools import zip_longest

from ..document import Table, amount_unit
from ..readers import Cell
from ..text import flatten, norm, to_wan

# An overall (整体支出) evaluation may name the unit where a project's names the project: its project_name.
NAME_LABELS = ("项目名称", "单位名称", "部门名称", "部门（单位）名称")
HEADER_FIELDS = {
    "项目名称": "project_name",
    **dict.fromkeys(NAME_LABELS[1:], "unit_name"),
    "主管部门": "supervising_department",
    "项目实施单位": "implementing_unit",
    "实施单位": "implementing_unit",
    "项目类别": "project_category",
    "项目属性": "project_attribute",
    "项目类型": "project_type",
}
_LABEL_ENDS = frozenset(label[-1] for label in HEADER_FIELDS)
MAX_FIELD_LABEL = 3 * max(map(len, HEADER_FIELDS))  # a label cell, even spaced out as 项 目 名 称
_FIELD = re.compile(rf"^\s*([^:：]{{2,{MAX_FIELD_LABEL}}}?)\s*[:：]\s*(.*)$", re.S)  # 项目名称：…
_BUDGET_LABELS = [
    ("initial_budget", "年初预算"),
    ("budget", "预算数"),
    ("executed", "执行数"),
    ("weight", "分值"),
    ("score", "得分"),
    ("rate", "执行率"),
]
BUDGET_WEIGHT = re.compile(r"(\d+(?:\.\d+)?)分\*执行率")  # 预算执行情况 (20分*执行率)
BUDGET_TOTALS = ("总额", "合计", "总计")  # a budget row's label naming the total (年度资金总额)
OPTION = re.compile(r"\d[、.]\s*([^☑☐\d]+?)\s*(☑|☐)")  # 1、部门预算项目 ☑
BLANK_MARKS = {"—", "——", "-", "--", "－", "/"}  # a value cell left blank
OVERALL_WORDS = ("整体支出", "整体绩效")  # a caption of the 单位/部门整体支出 template
TOTAL_LABELS = ("总分", "自评总分", "合计", "综合得分", "自评得分")
NOTE = re.compile(r"[（(][^）)]*[）)]")  # (20分*执行率), （优）
BLANK = Cell(("", 0))
LEVEL1 = ("产出指标", "效益指标", "满意度指标", "成本指标")
_NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
PLAIN = re.compile(r"^\d+(?:\.\d+)?$")
# A quantity: a sign in symbols or words (≥95%, >=95%, 不低于95%, 不超过3天), a number, its unit, a sign after it
# (95%以上); full-width signs (＞＝95%) read as their ASCII forms (WIDE_SIGNS)
QUANTITY = re.compile(
    r"^(≥|≤|≧|≦|>=|<=|>|<|=|大于等于|小于等于|不低于|不高于|不少于|不超过|不小于|不大于|达到|控制在|大于|小于|高于|低于)?"
    r"(\d+(?:\.\d+)?)([^\d*×]*?)(及?以上|及?以下|以内)?$"
)
_WORDS_NOT_UNIT = re.compile(r"水平|标准|同期|以来")  # a target in words around a number (达到上年水平, 不低于国家标准)
OPS = {
    "≧": "≥",
    "≦": "≤",
    ">=": "≥",
    "<=": "≤",
    "大于等于": "≥",
    "不低于": "≥",
    "不少于": "≥",
    "不小于": "≥",
    "达到": "≥",
    "小于等于": "≤",
    "不高于": "≤",
    "不超过": "≤",
    "不大于": "≤",
    "控制在": "≤",
    "大于": ">",
    "高于": ">",
    "小于": "<",
    "低于": "<",
    "以上": "≥",
    "及以上": "≥",
    "以下": "≤",
    "及以下": "≤",
    "以内": "≤",
}
WIDE_SIGNS = str.maketrans("＞＜＝", "><=")
ROW_LABEL = re.compile(r"^年度绩效(?:指标|目标)|^年度目标")
POINTS = re.compile(r"[（(](\d+(?:\.\d+)?)分[)）]$")
TWO_PLACES = Decimal("0.01")
WRAP_SPACE = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


@dataclass(slots=True)
class Indicator:
    line: int
    level1: str | None
    level2: str | None
    indicator: str
    target_text: str
    actual_text: str
    weight: Decimal | None
    score_reported: Decimal | None
    level1_points: Decimal | None = None  # the points printed beside the 一级指标, e.g. 产出指标 (40 分)
    target_op: str | None = None
    target_value: Decimal | None = None
    target_unit: str | None = None
    actual_value: Decimal | None = None
    actual_unit: str | None = None
    score_recomputed: Decimal | None = None
    score_rule: str | None = None
    direction: str | None = None  # ≥ or ≤ where a 指标性质 column says 正向 or 反向


@dataclass(slots=True)
class Evaluation:
    line: int
    caption: str
    kind: str  # unit_overall (单位/部门整体支出) or project
    fields: dict[str, str] = field(default_factory=dict)
    budget_wan: Decimal | None = None
    executed_wan: Decimal | None = None
    execution_rate_printed: Decimal | None = None
    budget_score_reported: Decimal | None = None
    budget_score_weight: Decimal | None = None
    total_score_printed: Decimal | None = None
    indicators: list[Indicator] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def is_evaluation(table: Table) -> bool:
    """A name label (项目名称 …) near the top and a 三级指标 header anywhere (a 部门整体 evaluation lists its tasks
    before its indicators). Only cells holding 称 or 指, which the labels hold, are normalised."""
    named = any(norm(c.text).startswith(NAME_LABELS) for row in table.rows[:12] for c in row if "称" in c.text)
    return named and any("三级指标" in norm(c.text) for row in table.rows for c in row if "指" in c.text)


def _number(text: str) -> Decimal | None:
    m = _NUMBER.search(text)
    try:
        return Decimal(m.group(0).replace(",", "")) if m else None
    except InvalidOperation:
        return None


@lru_cache(maxsize=4096)
def _points(text: str, mark: str = "分") -> Decimal | None:
    """A weight or score: a bare number, or one printed with ``mark`` (20分)."""
    if not PLAIN.match(text):  # most print a bare number
        text = text.strip().removesuffix(mark).rstrip()
        if not PLAIN.match(text):
            return None
    return Decimal(text)


def _value(text: str) -> Decimal | None:
    """A weight or score cell's number, a note in brackets left out: 20.00 of '(20分*执行率) 20.00', 97.42 of
    '97.42分' or '97.42（优）'; None for words ('2 项指标未达到目标值')."""
    return _points(NOTE.sub("", text) if "(" in text or "（" in text else text)


def _wan(text: str, unit: str) -> Decimal | None:
    value = _number(text)
    return to_wan(value, unit) if value is not None else None


def _checked(text: str) -> str:
    """The option ticked in '1、部门预算项目 ☑ 2、区级专项 ☐' (all text when none is ticked)."""
    options = OPTION.findall(text)
    chosen = [name.strip() for name, mark in options if mark == "☑"]
    return "、".join(chosen) if chosen else text.strip()


def _header_fields(rows: list[list[Cell]]) -> dict[str, str]:
    """Header fields by label: the value in the next non-empty cell, or after the colon when label and value
    share a cell (项目名称：…)."""
    found: dict[str, str] = {}
    for row in rows:
        for i, cell in enumerate(row):
            if cell.text and (labelled := _field_label(cell.text)) and labelled[0] not in found:
                key, value = labelled
                value = value or next((t for c in row[i + 1 :] if (t := c.text.strip())), "")
                found[key] = _checked(value) if "☑" in value or "☐" in value else value
    return found


@lru_cache(maxsize=4096)
def _field_label(text: str) -> tuple[str, str] | None:
    """(field, value after the colon) of a cell holding a header field's label (项目名称, 项目名称：…), else None."""
    m = _FIELD.match(text) if ":" in text or "：" in text else None
    label, value = (m.group(1), m.group(2).strip()) if m else (text, "")
    if len(label) > MAX_FIELD_LABEL or label.rstrip()[-1:] not in _LABEL_ENDS:  # cheap before normalising
        return None
    key = HEADER_FIELDS.get(norm(label))
    return (key, value) if key else None


def _budget_header(rows: list[list[Cell]]) -> int | None:
    """The index of the budget-execution header row: the one naming 预算数, not a list of the year's tasks (年度主要任务
    | 任务名称 | … | 预算数 | 执行数, in a 部门整体 evaluation)."""
    return next((i for i, row in enumerate(rows) if _budget_words(row) == (True, False)), None)


def _budget_words(row: list[Cell]) -> tuple[bool, bool]:
    """Whether a row names 预算数, and 任务."""
    texts = [norm(text) for text, _ in row if "预" in text or "任" in text]
    return any("预算数" in t for t in texts), any("任务" in t for t in texts)


def _budget(rows: list[list[Cell]], ev: Evaluation) -> None:
    """预算数 A, 执行数 B, 执行率 and its score from ``rows``, the 预算数 header and the rows below it: from the one
    naming the total (年度资金总额, 合计; its sources, 其中：财政拨款 …, before or after it), else the first with two
    amounts; each value from the cell under its header label when the header names 执行数 (年初预算数 | 全年预算数 |
    全年执行数 | 分值 | 执行率 | 得分, the national template; a blank or '—' stays blank); otherwise the first two
    amounts are A and B and the score follows the rate."""
    head = " ".join(norm(c.text) for r in rows[:2] for c in r)
    if m := BUDGET_WEIGHT.search(head):
        ev.budget_score_weight = Decimal(m.group(1))
    unit = amount_unit(head) or "万元"  # 预算执行情况（元）
    columns: dict[str, int] = {}
    for k, c in enumerate(rows[0]):
        if c.text and (key := _budget_label(norm(c.text))):
            columns.setdefault(key, k)
    found = []  # (cells, amounts) of the rows with two amounts, the first among the three under the header
    for n, values in enumerate(rows[1:], 1):
        cells = [c.text.strip() for c in values]
        amounts = [t for t in cells if t and PLAIN.match(t.replace(",", ""))]
        if len(amounts) >= 2:
            found.append((cells, amounts))
        elif found or n >= 3:
            break
    if not found:
        return
    cells, amounts = next((f for f in found if any(w in t for t in map(norm, f[0]) for w in BUDGET_TOTALS)), found[0])
    named = _under(columns, cells) if "executed" in columns else _in_order(cells, amounts)
    ev.budget_wan = _wan(named.get("budget", named.get("initial_budget", "")), unit)
    ev.executed_wan = _wan(named["executed"], unit)
    rate_head = rows[0][columns["rate"]].text if "rate" in columns else ""
    ev.execution_rate_printed = _rate(named.get("rate", ""), rate_head, ev)
    ev.budget_score_reported = _value(named.get("score", ""))
    if (weight := _value(named.get("weight", ""))) is not None:
        ev.budget_score_weight = weight


def _rate(text: str, head: str, ev: Evaluation) -> Decimal | None:
    """The execution rate in percent: as printed (100%, 95.13), or a fraction printed without % in a column whose
    header says no % (0.9513, 1) nearer B/A than 100 × B/A times 100 (95.13, 100)."""
    rate = _number(text)
    if rate is None or "%" in text + head or "％" in text + head or not ev.budget_wan or ev.executed_wan is None:
        return rate
    ratio = ev.executed_wan / ev.budget_wan
    return rate.scaleb(2) + 0 if abs(rate - ratio) < abs(rate - 100 * ratio) else rate  # + 0: 1E+2 as 100


def _under(columns: dict[str, int], cells: list[str]) -> dict[str, str]:
    """The cell under each header label: the row as printed or one cell off (a converter dropped or added the
    cell of its 年度资金总额 label), whichever puts the most values under the labels."""
    filled = [bool(t) and (t in BLANK_MARKS or _NUMBER.search(t) is not None) for t in cells]

    def values(by: int) -> int:
        return sum(filled[k + by] for k in columns.values() if 0 <= k + by < len(cells))

    by = max((0, 1, -1), key=values)
    return {key: cells[k + by] if 0 <= k + by < len(cells) else "" for key, k in columns.items()}


def _in_order(cells: list[str], amounts: list[str]) -> dict[str, str]:
    """A and B as the first two amounts, the rate as the cell ending in %, the score as the cell after it."""
    rate = next((t for t in cells if t.endswith("%")), "")
    after = [t for t in cells[cells.index(rate) + 1 :] if t] if rate else []
    return {"budget": amounts[0], "executed": amounts[1], "rate": rate, "score": after[0] if after else ""}


def _budget_label(text: str) -> str | None:
    """What a budget-execution header cell names: initial_budget (年初预算数), budget (全年预算数, 预算数（A）),
    executed (执行数), weight (分值), score (得分), rate (执行率); None for other cells (资金总额 …)."""
    return next((key for key, word in _BUDGET_LABELS if word in text), None)


def _joined(rows: list[list[Cell]]) -> str:
    """All cell texts of ``rows``, normalised, kept apart by '|' (so no word spans two cells)."""
    return flatten("|".join([c.text for row in rows for c in row]))


def _header_words(row: list[Cell]) -> tuple[bool, bool]:
    """Whether a row names the indicator levels (三级指标) and the score (得分, not the budget header's)."""
    raw = "".join([text for text, _ in row])
    if "得" not in raw and ("级" not in raw or "指" not in raw):  # cheap test before normalising
        return False, False
    texts = _joined([row])
    return "三级指标" in texts, "得分" in texts and "预算数" not in texts


def _indicator_header(rows: list[list[Cell]], n: int) -> list[Cell] | None:
    """The indicator header at row ``n``: the row when it names 三级指标 and 得分, or the row merged with the next
    when each names one of them (绩效指标 | 指标 | … | 分值 | 得分 over 一级指标 | 二级指标 | 三级指标)."""
    levels, score = _header_words(rows[n])
    if levels and score:
        return rows[n]
    if (levels or score) and n + 1 < len(rows) and _header_words(rows[n + 1]) == (score, levels):
        return [low if low.text.strip() else up for up, low in zip_longest(rows[n], rows[n + 1], fillvalue=BLANK)]
    return None


# Indicator columns by header word: 年初目标值 / 年度指标值, 实际完成值 / 实际完成情况, 分值 / 权重, 得分 / 自评得分,
# 度量单位 / 指标值单位, 指标性质 / 指标方向 (正向 / 反向), 一/二/三级指标.
_INDICATOR_COLUMN = re.compile(
    r"(?P<unit>^(?:度量|计量|指标值?)?单位$)|(?P<nature>指标(?:性质|方向))"
    r"|(?P<target>目标值|指标值)|(?P<actual>完成值|实际值|实际完成|完成情况)|(?P<weight>分值|权重)|(?P<score>得分)"
    r"|(?P<level1>^一级指标)|(?P<level2>^二级指标)|(?P<level3>^三级指标)"
)
DIRECTIONS = {"正向": "≥", "反向": "≤"}  # what a 指标性质 cell says of a target printed without ≥ / ≤


@dataclass(slots=True)
class IndicatorColumns:
    """Where an indicator table's values are: by the header's words when it names target, actual, weight and
    score; else ``width`` cuts a row at its 得分 column when the header names columns after it (偏差原因分析及
    改进措施, 备注), and values are read from the right."""

    positions: dict[str, int]
    width: int | None
    unnamed: tuple[int, ...] = ()  # header cells left blank
    end: int = 0  # where the header ends
    names: tuple[int, ...] = ()  # the 一级/二级/三级指标 columns
    score: int | None = None  # the (last) 得分 column, also where a total row prints the total score
    unweighted: bool = False  # no 分值 column, the actual's before 得分: a row's one number at the right is its score

    def fits(self, row: list[Cell], carry: dict[str, object]) -> bool:
        """Whether a row's cells stand under the header's words (converters shift some rows by a cell): a name under
        三级指标 and no 一级指标's name (产出指标) under another level; a number under 分值, within its 一级
        指标's points (or 100), and a score within the weight; a target that is a quantity beside an actual with a sign
        (≥95%); nothing under a blank header cell or past its end, and no number under a column named after 得分
        (偏差原因分析及改进措施, 备注), whose text is left alone."""
        text = {key: row[k].text.strip() for key, k in self.positions.items()}
        weight, score = _points(text["weight"]), _points(text["score"])
        level1 = _level_name(text["level1"]) if text.get("level1") else (None, carry.get("points"))
        if weight is None or weight > (level1[1] or 100) or (score is not None and score > weight):
            return False
        if (name := text.get("level3")) is not None and (not name or _is_value(name)):
            return False
        if any(_level_name(text[key])[0] in LEVEL1 for key in ("level2", "level3") if text.get(key)):
            return False
        if _quantity(text["target"]) is None and (actual := _quantity(text["actual"])) and actual[0]:
            return False
        remarks = [row[k].text.strip() for k in range(self.score + 1, self.end)]
        return (
            not any(row[k].text.strip() for k in self.unnamed)
            and not any(c.text.strip() for c in row[self.end :])
            and not any(_points(t) is not None for t in remarks if t)
        )


def _indicator_columns(header: list[Cell]) -> IndicatorColumns:
    texts = [norm(c.text) for c in header]
    positions: dict[str, int] = {}
    for k, text in enumerate(texts):
        if text and (m := _INDICATOR_COLUMN.search(text)) and m.lastgroup not in positions:
            positions[m.lastgroup] = k
    score = max((k for k, text in enumerate(texts) if "得分" in text), default=None)
    before = next((k for k in reversed(range(score or 0)) if texts[k]), None)  # the named column before 得分
    unweighted = "weight" not in positions and before is not None and before == positions.get("actual")
    if not {"target", "actual", "weight", "score"} <= positions.keys():
        positions = {}
    end = max((k for k, c in enumerate(header) if c.text.strip()), default=-1) + 1 if positions else 0
    unnamed = tuple(k for k, c in enumerate(header[:end]) if not c.text.strip())
    width = None if score is None or not any(c.text.strip() for c in header[score + 1 :]) else score + 1
    names = tuple(positions[key] for key in ("level1", "level2", "level3") if key in positions)
    return IndicatorColumns(positions, width, unnamed, end, names, score, unweighted)


@lru_cache(maxsize=4096)
def _unwrapped(text: str) -> str:
    """A cell's text with the spaces of a wrapped line removed (between CJK characters)."""
    text = text.strip()
    return WRAP_SPACE.sub("", text) if " " in text or not text.isprintable() else text


def _indicator_cells(row: list[Cell]) -> list[tuple[str, int]]:
    """(text, line) of the non-empty cells other than the 年度绩效指标 row label, a wrapped name rejoined."""
    cells = []
    for text, line in row:
        text = text.strip()
        if not text or ("年" in text and ROW_LABEL.match(norm(text))):
            continue
        cells.append((_unwrapped(text), line))
    return cells


def _indicator(row: list[Cell], carry: dict[str, object], columns: IndicatorColumns) -> Indicator | None:
    """An indicator row read by the header's columns as printed or, where its cells do not fit them so
    (IndicatorColumns.fits), one cell right or left of them; else read from the right."""
    if columns.positions:
        for by in (0, 1, -1):
            if (cells := _moved(row, by, columns)) and columns.fits(cells, carry):
                return _indicator_at(cells, carry, columns)
    width = columns.width
    if width is not None and _shifted(row, width):
        width += 1
    cells = _indicator_cells(row[:width])
    if len(cells) < 3:
        return None
    texts = [t for t, _ in cells]
    mark = "分" if texts[-1].endswith("分") else ""  # weight and score are printed alike: 20 | 18 or 20分 | 18分
    points: list[Decimal] = []
    most = min(1 if columns.unweighted else 2, len(texts))  # weight and score, or the score alone
    while len(points) < most and (p := _points(texts[-1 - len(points)], mark)) is not None:
        points.append(p)
    trailing = len(points)
    if trailing == 0 or len(texts) < trailing + 3:
        return None
    weight, score = (None, points[0]) if columns.unweighted else (points[-1], points[0] if trailing == 2 else None)
    names = texts[: -trailing - 2]
    return _named(names, carry, cells[0][1], texts[-trailing - 2], texts[-trailing - 1], weight, score)


def _moved(row: list[Cell], by: int, columns: IndicatorColumns) -> list[Cell] | None:
    """``row`` moved ``by`` cells left (1: a blank cell before it dropped; -1: one added), up to the header's end."""
    if by == 1 and (not row or row[0].text.strip()):
        return None
    cells = row[1:] if by == 1 else [BLANK, *row] if by == -1 else row
    return cells + [BLANK] * (columns.end - len(cells)) if len(cells) < columns.end else cells


def _is_value(text: str) -> bool:
    """A number, or one with a sign or a short unit (≥95%, 365 天, 10G): a target or actual, no indicator's name (5G
    基站覆盖率)."""
    quantity = _quantity(text)
    return quantity is not None and (quantity[0] is not None or len(quantity[2]) <= 2)


def _shifted(row: list[Cell], width: int) -> bool:
    """A row printed one cell right of its header, which names columns after 得分: a weight and a score end one cell
    past the 得分 column, after a value that is no score (100%)."""
    texts = [c.text.strip() for c in row[width - 2 : width + 1]]
    return len(texts) == 3 and _points(texts[0]) is None and all(_points(t) is not None for t in texts[1:])


def _indicator_at(row: list[Cell], carry: dict[str, object], columns: IndicatorColumns) -> Indicator | None:
    """An indicator row read by the header's columns (a blank 得分, a bare-number 实际完成值, extra columns)."""
    at = columns.positions
    weight, score = _points(row[at["weight"]].text), _points(row[at["score"]].text)
    if weight is None and score is None:
        return None
    cells = _indicator_cells([row[k] for k in columns.names] if columns.names else row[: at["target"]])
    if not cells:
        return None
    target, actual = _unwrapped(row[at["target"]].text), _unwrapped(row[at["actual"]].text)
    if "unit" in at and (unit := row[at["unit"]].text.strip()):  # a 度量单位 column: 55 | 家 reads as 55家
        target, actual = (t + unit if t and PLAIN.match(t.lstrip("≥≤<>=")) else t for t in (target, actual))
    ind = _named([t for t, _ in cells], carry, cells[0][1], target, actual, weight, score)
    if ind and "nature" in at:
        ind.direction = next((op for word, op in DIRECTIONS.items() if word in row[at["nature"]].text), None)
    return ind


def _named(
    names: list[str], carry: dict[str, object], line: int, target: str, actual: str, weight, score
) -> Indicator | None:
    """The indicator named last in ``names``; 一级/二级指标 before it, or carried from the rows above."""
    if not names:
        return None
    level1, level2, points = carry.get("level1"), carry.get("level2"), carry.get("points")
    for name in names[:-1]:
        bare, printed = _level_name(name)
        if bare in LEVEL1:
            level1, level2, points = bare, None, printed
        else:
            level2 = bare
    carry.update(level1=level1, level2=level2, points=points)
    return Indicator(line, level1, level2, names[-1], target, actual, weight, score, level1_points=points)


@lru_cache(maxsize=4096)
def _level_name(name: str) -> tuple[str, Decimal | None]:
    """A 一级/二级指标 cell's name and the points printed after it: 产出指标 (40 分) → (产出指标, 40)."""
    flat = norm(name)
    printed = POINTS.search(flat)
    return (flat[: printed.start()], Decimal(printed.group(1))) if printed else (flat, None)


@lru_cache(maxsize=4096)
def _quantity(text: str) -> tuple[str | None, Decimal, str] | None:
    """(sign, number, unit) of a quantity target or actual; None for words (达到2023年水平: a year and a level, not
    2023 of a unit) or for signs before and after the number that contradict each other (控制在90%以上)."""
    m = QUANTITY.match(norm(text).replace("$\\geq", "≥").replace("$\\leq", "≤").rstrip("$").translate(WIDE_SIGNS))
    if not m or _WORDS_NOT_UNIT.search(m.group(3)) or (m.group(2)[:2] in ("19", "20") and m.group(3).startswith("年")):
        return None
    before, after = (OPS.get(sign, sign) for sign in m.group(1, 4))
    if before and after and before.strip("=") != after.strip("="):
        return None
    return before or after, Decimal(m.group(2)), m.group(3).strip()


def recompute(ind: Indicator) -> None:
    """Recomputed score by the printed rules, or a null with the reason it cannot be compared."""
    target, actual = _quantity(ind.target_text), _quantity(ind.actual_text)
    if target:
        ind.target_op, ind.target_value, ind.target_unit = (
            target[0] or ind.direction or "=",
            target[1],
            target[2] or None,
        )
    if actual:
        ind.actual_value, ind.actual_unit = actual[1], actual[2] or None
    if ind.weight is None:
        ind.score_rule = "no weight printed"
    elif not target or not actual:
        ind.score_rule = "qualitative: scored in bands of the weight (100-80%, 80-50%, 50-0%), not recomputed"
    elif actual[2] and target[2] and actual[2].lower() != target[2].lower():
        ind.score_rule = f"units differ: target {target[2]}, actual {actual[2]}"
    elif ind.target_op in ("≤", "<"):
        ratio = Decimal(1) if actual[1] == 0 else min(Decimal(1), target[1] / actual[1])
        ind.score_recomputed = (ind.weight * ratio).quantize(TWO_PLACES, ROUND_HALF_UP)
        ind.score_rule = "反向指标: weight × min(1, A/B)" + ("; actual 0 meets the target" if actual[1] == 0 else "")
    elif target[1] == 0:
        ind.score_rule = "target 0: B/A undefined"
    else:
        ind.score_recomputed = (ind.weight * min(Decimal(1), actual[1] / target[1])).quantize(TWO_PLACES, ROUND_HALF_UP)
        ind.score_rule = "正向指标: weight × min(1, B/A)" + (
            "" if ind.target_op != "=" else " (target without ≥/≤ read as 正向)"
        )


def _total_score(row: list[Cell], score: int | None) -> Decimal | None:
    """The score of a total row: the value under the 得分 column, else its last plain number (the national
    template prints 分值 100 before 得分), else the first number in its cells."""
    if score is not None and score < len(row) and (printed := _value(row[score].text)) is not None:
        return printed
    cells = row[1:]
    plain = [t for c in cells if PLAIN.match((t := c.text.strip()).replace(",", ""))]
    if plain:
        return _number(plain[-1])
    return next((n for c in cells if (n := _number(c.text)) is not None), None)


def _kind(caption: str, budget_header: list[Cell], fields: dict[str, str]) -> str:
    """unit_overall when the caption says 整体支出 / 整体绩效, the budget header names the 部门整体支出 total, or the
    table names a unit (单位名称 …) and no project; else project (a project's name or goal may say 整体)."""
    if any(w in norm(caption) for w in OVERALL_WORDS) or any("整体支出" in norm(c.text) for c in budget_header):
        return "unit_overall"
    return "unit_overall" if "unit_name" in fields and "project_name" not in fields else "project"


# Where a converter writes a tall row's one-line cells, the same in every row of a table, as (lines above, lines below
# them) allows: on the first line (cells aligned to the top), the last (to the bottom), the middle (of an even number
# of lines, the upper or the lower).
ALIGNMENTS = (
    lambda up, down: up == 0,
    lambda up, down: down == 0,
    lambda up, down: up <= down <= up + 1,
    lambda up, down: down <= up <= down + 1,
)


def _tall_cells_joined(rows: list[list[Cell]], columns: IndicatorColumns, ev: Evaluation) -> list[list[Cell]]:
    """The rows under an indicator header, an indicator's tall cells (names, target) a converter wrote a row per line
    joined in its row: a run of rows holding text only in those columns ends the indicator row above and begins the
    one below, split where the joined texts read best (_split_scores) with one alignment of the table's one-line cells
    (ALIGNMENTS). A run split otherwise by another alignment that reads as well is left out, with a warning."""
    at = columns.positions
    keep = frozenset((*columns.names, at["target"])) if at else frozenset()
    lines = [_only_in(row, keep) and not any(_header_words(row)) for row in rows]  # a blank row among them too
    if not any(_filled(row) for row, line in zip(rows, lines, strict=True) if line):
        return rows
    anchors = [not line and _indicator(row, {}, columns) is not None for row, line in zip(rows, lines, strict=True)]
    runs, apart = [], []  # runs with a split giving each row lines it can have, and the others
    for first in (m for m in range(len(rows)) if lines[m] and (m == 0 or not lines[m - 1])):
        end = next((n for n in range(first, len(rows)) if not lines[n]), len(rows))
        if any(_filled(row) for row in rows[first:end]):
            above = first - 1 if first and anchors[first - 1] else None
            below = end if end < len(rows) and anchors[end] else None
            scores = _split_scores(rows, first, end, above, below, columns)
            (runs if scores else apart).append((first, end, above, below, scores))
    found = [found for aligned in ALIGNMENTS for found in _aligned_splits(rows, runs, aligned)]
    best = max((score for score, _ in found), default=None)
    likely = _merged([splits for score, splits in found if score == best]) or [frozenset()] * len(runs)
    out = [list(row) for row in rows]
    for i, (first, end, *_) in enumerate(runs):
        if len(likely[i]) != 1:  # no alignment explains the runs, or more than one split reads best
            apart.append(runs[i])
            continue
        (k,) = likely[i]
        for n, span, up in ((first - 1, range(first, first + k), True), (end, range(first + k, end), False)):
            for c in {c for m in span for c in _filled(rows[m])}:
                parts = [rows[m][c].text for m in span]
                joined = _lines_joined([out[n][c].text, *parts] if up else [*parts, out[n][c].text])
                out[n][c] = Cell((joined, out[n][c].line))
    for first, end, *_ in sorted(apart):
        cells = [c for row in rows[first:end] for c in row if c.text.strip()]
        ev.warnings.append(
            f"table at line {ev.line} ({ev.caption or '绩效自评表'}): '{' | '.join(c.text.strip() for c in cells)}' "
            f"on rows of their own (line {cells[0].line}): not told whether the rest of the indicator above or the "
            "beginning of the one below, left out"
        )
    return [row for row, line in zip(out, lines, strict=True) if not line]


def _aligned_splits(
    rows: list[list[Cell]], runs: list[tuple], aligned: Callable[[int, int], bool]
) -> list[tuple[int, tuple[frozenset[int], ...]]]:
    """The best-reading splits of ``runs`` an alignment allows (each indicator row's lines above and below it as
    ``aligned`` allows, filling the same cells): their summed score and, for each run, the splits the best paths to it
    take (one set a run, merged on a tie: no path is listed, so ties cost nothing)."""
    # the row whose lines below are still to come, how many lines above it and the cells they fill → best score, splits
    states: dict[tuple, tuple[int, tuple[frozenset[int], ...]]] = {(None, 0, frozenset()): (0, ())}
    for first, end, above, below, scores in runs:
        new: dict[tuple, tuple[int, tuple[frozenset[int], ...]]] = {}
        for (row, up, cells), (score, splits) in states.items():
            if row != above:
                if row is not None and not aligned(up, 0):
                    continue
                up, cells = 0, frozenset()
            for k, points in scores.items():
                down = _cells(rows, range(first, first + k))
                if above is not None and (not aligned(up, k) or (up and k and down != cells)):
                    continue
                state = (below, end - first - k, _cells(rows, range(first + k, end)))
                found = (score + points, (*splits, frozenset((k,))))
                if state not in new or new[state][0] < found[0]:
                    new[state] = found
                elif new[state][0] == found[0]:
                    new[state] = (found[0], _merged([new[state][1], found[1]]))
        states = new
    return [(score, splits) for (row, up, _), (score, splits) in states.items() if row is None or aligned(up, 0)]


def _merged(splits: list[tuple[frozenset[int], ...]]) -> tuple[frozenset[int], ...]:
    """Each run's splits over all of ``splits`` (empty when there are none)."""
    return tuple(frozenset().union(*run) for run in zip(*splits, strict=True))


def _cells(rows: list[list[Cell]], span: range) -> frozenset[int]:
    return frozenset().union(*(_filled(rows[m]) for m in span))


def _split_scores(
    rows: list[list[Cell]], first: int, end: int, above: int | None, below: int | None, columns: IndicatorColumns
) -> dict[int, int]:
    """How well each split of the lines rows[first:end] reads (k: the first k end the row ``above``, the rest begin
    the row ``below``), for the splits giving each row lines it can have (_lines_of, _joined_points)."""
    scores = {}
    for k in range(end - first + 1):
        spans = [(above, range(first, first + k)), (below, range(first + k, end))]
        if any(span and (n is None or not _lines_of(rows, span, n)) for n, span in spans):
            continue
        points = [_joined_points(rows, n, span, n == above, columns) for n, span in spans if n is not None]
        if None not in points:
            scores[k] = sum(points)
    return scores


def _joined_points(rows: list[list[Cell]], n: int, span: range, up: bool, columns: IndicatorColumns) -> int | None:
    """How well row ``n``'s 一级/二级指标 names and target read with the lines rows[span] joined (after its own where
    ``up``): a point for each name ending in 指标, and the target's (_target_points); None where the lines make the
    target read worse than the row's own line (20G, 个 | 20G)."""
    at = columns.positions
    score = 0
    for c in [*(at[key] for key in ("level1", "level2") if key in at), at["target"]]:
        parts = [rows[m][c].text for m in span]
        parts = [rows[n][c].text, *parts] if up else [*parts, rows[n][c].text]
        if c != at["target"]:
            name = _level_name(_lines_joined(parts))[0]
            score += name.endswith("指标") and len(name) > 2
        elif (target := _target_points(parts)) < _target_points([rows[n][c].text]):
            return None
    return score + target


def _target_points(parts: list[str]) -> int:
    """2 for a target's lines reading as a number and its unit, the unit on one line (≥36 次, ≥36 | 次); 1 for a
    number alone or a unit over lines (≥38 人 | 次; ≥90% | 做好面向: the rest of another cell); else 0."""
    parts = [p.strip() for p in parts if p.strip()]
    quantity = _quantity(_lines_joined(parts))
    if quantity is None or not quantity[2]:
        return 0 if quantity is None else 1
    at = max(i for i, p in enumerate(parts) if any(ch.isdigit() for ch in p))  # the number's line
    return 2 if len(parts) - at - 1 + (not parts[at][-1].isdigit()) <= 1 else 1


def _lines_of(rows: list[list[Cell]], span: range, n: int) -> bool:
    """Whether rows[span] can be the lines of row ``n``'s tall cells: cells row ``n`` fills, each line those of the
    line nearer to row ``n`` or fewer (a blank line any): a cell on fewer lines than the others begins on the row's
    line, below it, or ends there, above it (广域网 | 接入 | 节点 beside 16 | 个)."""
    cells = [c for m in span if (c := _filled(rows[m]))]
    if n < span.start:
        cells.reverse()
    return all(a <= b for a, b in zip(cells, [*cells[1:], _filled(rows[n])], strict=True))


def _only_in(row: list[Cell], columns: frozenset[int]) -> bool:
    """Whether a row holds text in ``columns`` only (_filled(row) <= columns), looked at from the right, where an
    indicator row's values are."""
    return all(k in columns or not row[k].text.strip() for k in reversed(range(len(row))))


def _filled(row: list[Cell]) -> frozenset[int]:
    return frozenset(k for k, c in enumerate(row) if c.text.strip())


def _lines_joined(parts: list[str]) -> str:
    """A tall cell's lines as one text, as a converter joins a wrapped cell's (with a space, none between Chinese)."""
    return _unwrapped(" ".join(p.strip() for p in parts if p.strip()))


def _tall_name_joined(rows: list[list[Cell]]) -> list[list[Cell]]:
    """The header rows, a name (项目名称 …) a converter wrote a row per line (a tall cell) joined in its label's row:
    the rows directly above and below it holding only a value under the name's."""
    found = next(
        ((n, k) for n, row in enumerate(rows) for k, c in enumerate(row) if c.text and _name_label(c.text)), None
    )
    if found is None:
        return rows
    n, k = found
    at = k if _field_label(rows[n][k].text)[1] else next((j for j in sorted(_filled(rows[n])) if j > k), None)
    above, below = _value_lines(rows, n, -1, at), _value_lines(rows, n, 1, at)
    if not above and not below:
        return rows
    row = list(rows[n])
    row[at] = Cell((_lines_joined([rows[m][at].text for m in [*reversed(above), n, *below]]), row[at].line))
    return [*rows[: n - len(above)], row, *rows[n + len(below) + 1 :]]


def _value_lines(rows: list[list[Cell]], n: int, step: int, at: int | None) -> list[int]:
    """The rows next to row ``n`` (above: ``step`` -1, below: 1) holding text in column ``at`` only."""
    out = []
    while 0 <= (m := n + step * (len(out) + 1)) < len(rows) and at is not None and _filled(rows[m]) == {at}:
        out.append(m)
    return out


def _name_label(text: str) -> bool:
    return (labelled := _field_label(text)) is not None and labelled[0] in ("project_name", "unit_name")


def read_evaluation(table: Table) -> Evaluation:
    """Project header and budget execution from the rows above the first indicator header; indicators below, up
    to a total row (总分, 合计 …); a warning when no indicator is read."""
    ev = Evaluation(table.first_line, table.caption, "project")
    in_indicators = False
    head_end = len(table.rows)
    columns = IndicatorColumns({}, None)
    sections: list[tuple[IndicatorColumns, list[list[Cell]]]] = []  # each indicator header's rows
    for n, row in enumerate(table.rows):
        label = next((text for text, _ in row if text.strip()), "")  # in the first cell, or the second (\t总分\t…)
        if n > head_end and norm(label).startswith(TOTAL_LABELS):
            ev.total_score_printed = _total_score(row, columns.score)
            in_indicators = False
            continue
        if (header := _indicator_header(table.rows, n)) is not None:
            in_indicators, head_end, columns = True, min(head_end, n), _indicator_columns(header)
            sections.append((columns, []))
        elif in_indicators:
            sections[-1][1].append(row)
    carry: dict[str, object] = {}  # the 一级/二级指标 above, kept past a header repeated under an indicator (a page's)
    for columns, rows in sections:
        last = None
        for row in _tall_cells_joined(rows, columns, ev):
            if ind := _indicator(row, carry, columns):
                recompute(ind)
                ev.indicators.append(ind)
            last = ind if _filled(row) else last
        carry = carry if last else {}
    head = _tall_name_joined(table.rows[:head_end])
    budget = _budget_header(head)
    ev.fields = _header_fields(head)
    ev.kind = _kind(table.caption, [] if budget is None else head[budget], ev.fields)
    if (unit := ev.fields.pop("unit_name", None)) is not None:
        ev.fields.setdefault("project_name", unit)
    if budget is not None:
        _budget(head[budget:], ev)
    weights = sum(i.weight for i in ev.indicators if i.weight is not None) + (ev.budget_score_weight or 0)
    if weights > 100:  # a row read from the wrong cells (its actual as the weight) no check above told
        ev.warnings.append(
            f"table at line {ev.line} ({table.caption or '绩效自评表'}): the weights sum to {weights} with the "
            "budget's, over 100: an indicator row may be read from the wrong cells"
        )
    if not ev.indicators:
        ev.warnings.append(
            f"table at line {ev.line} ({table.caption or '绩效自评表'}): "
            "no indicator row read under its 三级指标 header"
        )
    return ev
