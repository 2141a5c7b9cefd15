"""情况说明 (narrative): stated amounts, shares, changes and counts, each with its line and quote.

The narrative is cut into sections at numbered headings (一、… 十三、); a section's heading words say
what it is about (收入, 支出, 财政拨款, 三公, 政府采购 …). Inside a section, phrases name what an amount
is (收、支总计, 基本支出, 人员经费 …); the sentence around it says whether it is a value, a change on last
year (增加/减少 … 增长/下降 …%, 持平) or a share (占 …%). Amounts in 元 are converted to 万元.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..readers import Paragraph
from ..reference import function_subjects, label
from ..text import cn_number, no_space, to_wan

FIGURE = re.compile(r"^图\d")
SENTENCE = re.compile(r"[^。；\n]*[。；\n]|[^。；\n]+")  # up to and including its end mark
DIGIT = re.compile(r"\d")
# Heading numbering styles, outermost first (the group that matches is the level): 第三部分, 一、, （一）, 1. / 1、
HEADING = re.compile(
    r"(第[一二三四五六七八九十]+部分)|([一二三四五六七八九十]+[、.．])|([（(][一二三四五六七八九十]+[)）])|(\d{1,2}[.．、](?!\d))"
)
MAX_HEADING = 40
TABLE_NAME_ENDS = ("决算表", "决算总表", "明细表")  # a section headed by the name of the table it explains
MAX_SECTION_HEADING = 80  # a heading naming what it explains may carry the unit's name and the year
# 一般公共预算财政拨款, named 公共财政拨款 before 2015 (一般公共财政拨款, 公共预算财政拨款 in between); not 一般公共服务
_GPB = r"(?:一般)?公共(?:预算)?财政拨款"
GPB = re.compile(_GPB)
# Section kinds by heading words, most specific first.
SECTION_KINDS = [
    ("three_public", "三公"),
    ("agency_cost", "机关运行经费"),
    ("procurement", "政府采购"),
    ("assets", "国有资产"),
    ("performance", "绩效"),
    ("gov_fund", "政府性基金"),
    ("state_capital", "国有资本经营"),
    ("basic", "基本支出"),
    ("gpb", "一般公共预算财政拨款支出"),
    ("grant_total", "财政拨款收入支出"),
    ("totals", "收入支出决算总体"),
    ("income", "收入决算"),
    ("expense", "支出决算"),
]
_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_PERCENT = r"-?\d+(?:\.\d+)?"
NUM = f"({_NUMBER})"
_UNIT = "亿元|万元|元|万(?![\u4e00-\u9fff])"  # 万 for 万元 (3,797.75万，), not before a word (1.2万人次: a count)
AMOUNT = NUM + f"({_UNIT})"
PCT = f"({_PERCENT})%"
# 完成年初预算的 P% / 为全年预算的 / 决算数是年初预算数的 / 预算完成率为 P%
_COMPLETION = r"(?:(?:完成|为|占|是|达到?)(?:全年|年初)?预算(?:数)?的|预算(?:完成|执行)率(?:为|是|达到?)?)" + PCT
AMOUNT_RE = re.compile(AMOUNT)
# A footnote mark after an amount's unit or a percentage (3,797.75 万元[^1], 万元①, 15.2%²): no part of the sentence.
_FIGURE_NOTE = re.compile(r"(?<=[元万%])(?:\[\^[^\]]{1,10}\]|[①-⑳¹²³⁰⁴-⁹※＊*])+")
_NOTE_CHARS = re.compile(r"[\[①-⑳¹²³⁰⁴-⁹※＊*]")  # any of the marks: a cheap test before the substitution
# A year in digits or Chinese numerals (2023, 二〇二三, 二零二三).
_YEAR = r"\d{4}|[〇零一二三四五六七八九]{4}"
# Words before a figure in its clause that make it last year's (a year is last year's when before the document's).
PRIOR_YEAR = re.compile(rf"上年(?!结转)|去年|上一年度|({_YEAR})年")
_LAST_YEAR = rf"(?:上年度?|上一年度?|去年|(?:{_YEAR})年度?)(?:同期)?"
# A comparison with last year right before a phrase: 比上年收入合计 X 万元增加 … (X is last year's, the change this
# year's).
COMPARED = re.compile(rf"(?:(?:比|较){_LAST_YEAR}|同比)$")
CLAUSE_MARKS = "，,（(：:"
CHANGE_WORDS = {"增加": 1, "增长": 1, "上升": 1, "减少": -1, "下降": -1, "降低": -1, "负增长": -1}
# A change on last year: 增加(了) X 万元（，(同比)增长(率为) Y% / （增长 Y%））, the percentage first (增长 Y%，增加
# X 万元 / 增长 Y%（增加 X 万元）), or the percentage alone (同比增长 Y%); 增加-X 万元 is a decrease.
_DELTA = f"-?{_NUMBER}"
_RATE_WORDS = "负增长|增长|下降|上升|降低|增幅|降幅"
CHANGE = (
    rf"(?:(?P<sign>增加|减少|增长|下降|上升|降低)了?(?P<change>{_DELTA})(?P<change_unit>{_UNIT})"
    rf"(?:[，,（(]?(?:同比)?(?:{_RATE_WORDS}|增加|减少)?率?了?(?:为)?(?P<change_pct>{_PERCENT})%)?"
    rf"|(?:{_RATE_WORDS})了?(?:为)?(?P<pct_first>{_PERCENT})%[，,（(]"
    rf"(?P<sign2>增加|减少)了?(?P<change2>{_DELTA})(?P<change_unit2>{_UNIT})[)）]?"
    rf"|(?P<sign3>负增长|增长|下降|上升|降低)了?(?:为)?(?P<pct_only>{_PERCENT})%)"
)
# 比上年(决算数)(X 万元) / 与上年(相比) / 同比; no change: 持平, 无变化
_COMPARED_WITH = (
    rf"(?:(?:比|较){_LAST_YEAR}(?:支出)?(?:决算数?)?(?:{_NUMBER}(?:{_UNIT}))?|与{_LAST_YEAR}(?:决算数?)?(?:相比)?|同比)"
)
FLAT = "持平|无变化|没有变化"
# 三公 items as offices word them: 因公出国（境）费, 公务出国（境）费, 出国（境）经费, 出国费; 公务用车购置及
# 运行费, 公务用车购置费和运行维护费, 公车购置及运维费; 公务用车运行费, 车辆运行维护费; 公务接待费, 接待费 (not
# 国内 / 外事 接待费).
_ABROAD = r"(?:因公|公务)?出国(?:[（(]境[)）])?(?:经)?费"
_CAR = r"(?:公务用车|公车|车辆)"
_RUNNING = r"运(?:行(?:维护)?|维)费"
_VEHICLE_TOTAL = rf"{_CAR}购置(?:费)?[及和与](?:{_CAR})?{_RUNNING}"
_VEHICLE_PURCHASE = rf"{_CAR}购置费"
_VEHICLE_OPERATION = rf"{_CAR}{_RUNNING}|运行维护费"
# The total: 三公 in any quotes or none (“三公”经费, “三公“经费, '三公'经费, 「三公」经费, 三公经费, 三公费用)
_THREE_PUBLIC = r"[“”\"'‘’「」『』]?三公[“”\"'‘’「」『』]?(?:经费|费用)?"
_RECEPTION_FEE = r"(?<!国内)(?<!外事)(?<!公务)(?:公务)?接待费"
_PROCUREMENT_TOTAL = r"政府采购支出(?:总额|总计|合计)?|政府采购(?:总额|总计|合计)"
_BOTH_TOTALS = r"收入?[、和与及]?支出?总计|收入总计[、和与及]支出总计"  # 收、支总计, 收入、支出总计, 收入总计和支出总计
# (section kinds, phrase, keys): the phrase names the amount that follows it.
PHRASES: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = [
    (("grant_total",), rf"财政拨款(?:{_BOTH_TOTALS}|收入总计)", ("fiscal_grant_total",)),  # 收入总计 X、支出总计 X
    (("totals",), _BOTH_TOTALS, ("income_total", "expense_total")),
    (("totals",), r"收入总计", ("income_total",)),
    (("totals",), r"支出总计", ("expense_total",)),
    (("totals", "income"), r"本年收入(?:合计)?|收入(?:决算)?合计", ("income_this_year",)),
    (("totals", "expense"), r"本年支出(?:合计)?|支出(?:决算)?合计", ("expense_this_year",)),
    (("totals",), r"年初结转和结余", ("carryover_begin",)),
    (("totals",), r"年末结转和结余", ("carryover_end",)),
    (("income",), r"财政拨款收入", ("fiscal_grant_income",)),
    (("income",), r"上级补助收入", ("superior_subsidy_income",)),
    (("income",), r"事业收入", ("business_income",)),
    (("income",), r"经营收入", ("operating_income",)),
    (("income",), r"附属单位上缴收入", ("affiliate_remittance_income",)),
    (("income",), r"其他收入", ("other_income",)),
    (("grant_total",), rf"{_GPB}收入", ("gpb_income",)),
    (("grant_total",), r"政府性基金预算财政拨款收入", ("gov_fund_income",)),
    (("gov_fund",), r"政府性基金预算财政拨款支出", ("gov_fund_expense",)),
    (("state_capital",), r"国有资本经营预算财政拨款支出", ("state_capital_expense",)),
    (("gpb",), rf"{_GPB}支出", ("gpb_expense",)),
    (("expense", "gpb", "basic"), r"基本支出", ("basic_expense",)),
    (("expense", "gpb"), r"项目支出", ("project_expense",)),
    (("expense",), r"上缴上级支出", ("remit_to_superior_expense",)),
    (("expense",), r"经营支出", ("operating_expense",)),
    (("expense",), r"对附属单位补助支出", ("subsidy_to_affiliates_expense",)),
    (("basic",), r"人员经费(?:支出)?", ("personnel",)),
    (("basic",), r"公用经费(?:支出)?", ("public_use",)),
    (("agency_cost",), r"机关运行经费(?:财政拨款)?(?:支出)?", ("agency_operating_cost",)),
    (("procurement",), _PROCUREMENT_TOTAL, ("procurement_total",)),
    (("procurement",), r"政府采购货物(?:支出)?|货物采购(?:支出)?", ("procurement_goods",)),
    (("procurement",), r"政府采购工程(?:支出)?|工程采购(?:支出)?", ("procurement_works",)),
    (("procurement",), r"政府采购服务(?:支出)?|服务采购(?:支出)?", ("procurement_services",)),
    (  # not a part's (政府采购货物中，授予中小企业… / 货物采购中小企业…)
        ("procurement",),
        r"(?<![物程务]中，)(?<![物程务]中，授予)(?<![物程务]采购)(?<![物程务]采购授予)(?:授予)?中小企业的?合同(?:总)?金额",
        ("procurement_sme",),
    ),
    (("procurement",), r"(?:授予)?小微企业的?合同(?:总)?金额", ("procurement_small_micro",)),
    (("three_public",), _THREE_PUBLIC + r"(?:财政拨款)?支出(?!决算)", ("three_public_actual",)),
    (("three_public",), _ABROAD + r"(?:支出)?(?!决算)", ("abroad",)),
    (("three_public",), _VEHICLE_TOTAL + r"(?:支出)?(?!决算)", ("vehicle_total",)),
    (("three_public",), _RECEPTION_FEE + r"(?:支出)?(?!决算)", ("official_reception",)),
    (("three_public",), _VEHICLE_PURCHASE + r"(?:支出)?(?!决算)", ("vehicle_purchase",)),
    (("three_public",), rf"(?:{_CAR}{_RUNNING})(?:支出)?(?!决算)", ("vehicle_operation",)),
    (("three_public",), r"国内公务接待(?:支出|费)?", ("official_reception_domestic",)),
    (("three_public",), r"外事接待(?:支出|费)?", ("official_reception_foreign",)),
    (("performance",), r"整体支出绩效自评，?资金", ("performance_unit_funds",)),
    (("performance",), r"共涉及(?:项目\d+个|\d+个项目)，?资金", ("performance_project_funds",)),
    (("performance",), r"项目全年预算数", ("performance_project_budget",)),
    (("performance",), r"执行数", ("performance_project_executed",)),
]
# Each phrase, then: a value (均为 X 万元), a change on last year (增加/减少 X 万元, 增长/下降 Y%, 持平), a share.
PHRASE_PATTERNS = [
    (
        kinds,
        re.compile(phrase),
        keys,
        re.compile(
            rf"(?:{phrase})[)）]?(?:决算数?)?(?:占[^，。；\d]{{0,14}}?(?P<share_first>{_PERCENT})%[，,]?)?"
            rf"(?:均为|各为|(?P<each>分别为)|为|共计|合计|是|达)?[：:]?(?:人民币)?(?:(?P<value>{_NUMBER})(?P<unit>{_UNIT}))?"
            rf"(?(each)(?:[、和](?P<value2>{_NUMBER})(?P<unit2>{_UNIT}))?)[，,]?"
            rf"{_COMPARED_WITH}?[，,]?(?:各|均)?(?:{CHANGE}|(?P<flat>{FLAT}))?"
            rf"(?:[，,]?所?占[^，。；\d]{{0,14}}?(?P<share>{_PERCENT})%)?"
        ),
    )
    for kinds, phrase, keys in PHRASES
]


def _by_kind(catalog: list[tuple]) -> dict[str, list[tuple]]:
    """Catalog entries (kinds, *rest) as the rest of each entry per section kind, in catalog order."""
    return {kind: [tuple(rest) for kinds, *rest in catalog if kind in kinds] for kind, _ in SECTION_KINDS}


PATTERNS_BY_KIND = _by_kind(PHRASE_PATTERNS)
# (年初)预算 / (支出)决算 / 完成…% in any order, of a per-项 paragraph after its path or of the whole 一般公共预算 in a
# sentence naming it before them (调整预算 and 一般公共预算 are no budget figure); a 0 may be printed without a unit.
_FIGURE = rf"(?:{AMOUNT}|(0)(?=[，,。；]|$))"
ORIGINAL_BUDGET = re.compile(rf"(?<!调整)(?<!公共)(?:年初)?预算(?:数)?(?:为|是)?{_FIGURE}")
FINAL_AMOUNT = re.compile(rf"(?:支出)?决算(?:数)?(?:为|是)?{_FIGURE}")
COMPLETION = re.compile(_COMPLETION)
# The whole budget named right before its first figure (…一般公共预算财政拨款支出 年初预算为 / …财政拨款 支出决算为),
# no other spending between (一般公共预算财政拨款支出中，教育支出年初预算为 … is a class's).
WHOLE_BUDGET = re.compile(r"(?:一般公共预算|财政拨款)(?:支出)?(?:决算)?(?:总体情况)?[，,：:]?$")
# A class line: 一般公共服务支出类支出 / 一般公共服务（类）支出 / 一般公共服务支出（类） / 一般公共服务支出 (a class's
# own name) N 万元，占 P%.
CLASS_LINE = re.compile(r"([\u4e00-\u9fff]+?)(?:（类）支出|支出(?:类支出|（类）)?)" + AMOUNT + r"，?占" + PCT)
PROJECT_SUMMARY_KEYS = ("performance_project_budget", "performance_project_executed")  # detail: the project named
SENTENCE_GOES_ON = ("。", "；", "，", ",", "、", "为", "的", "和", "及", "与")  # at a line's end: no heading
SUBHEADING = re.compile(r"^[（(][一二三四五六七八九十]+[)）]|^\d{1,2}[.．、](?!\d)")
# 三公 items: the first one a sentence names sets the item its 全年预算 / 支出决算 / change belong to.
THREE_PUBLIC_ITEMS = re.compile(
    rf"(?P<abroad>{_ABROAD})|(?P<vehicle_total>{_VEHICLE_TOTAL})|(?P<vehicle_purchase>{_VEHICLE_PURCHASE})"
    rf"|(?P<vehicle_operation>{_VEHICLE_OPERATION})|(?P<official_reception>{_RECEPTION_FEE})|(?P<three_public>{_THREE_PUBLIC})"
)
THREE_PUBLIC_BUDGET = re.compile(r"(?:全年|年初)?预算(?:数)?为?" + AMOUNT)
THREE_PUBLIC_ACTUAL = re.compile(r"(?:支出)?决算(?:数)?为?" + AMOUNT + rf"(?:[，,]?(?:决算数?)?{_COMPLETION})?")
UNNAMED = "unnamed"  # a 三公 item the reader does not know (2. 公务用车费…): its figures are no item's
# An item the reader does not know: a 费 right before its 预算 / 决算 / 支出 words or ending a heading
# (差旅费全年预算为, 1. 差旅费); not 经费 or 费用 (严格控制经费支出，…), nor 三公费 (the total).
UNKNOWN_ITEM = re.compile(
    r"[\u4e00-\u9fff](?<!经)(?<!三公)费(?:财政拨款)?(?:支出)?(?:全年|年初)?(?:预算|决算|支出|[：:]?$)"
)
# 较上年减少 / 同比减少 / 与上年相比减少 / 比 2023 年度支出决算 7.48 万元减少 … / 较上年持平
THREE_PUBLIC_CHANGE = re.compile(rf"{_COMPARED_WITH}[，,]?{CHANGE}")
THREE_PUBLIC_FLAT = re.compile(rf"{_COMPARED_WITH}[，,]?(?:{FLAT})")
# 接待国内来访团组 5 个，17 人次 / 国内公务接待 5 批次，17 人次 (外事接待 and 因公出国团组 are not 公务接待's)
_RECEPTION = r"(?<!外事)接待(?:国内)?(?:来访)?(?:团组)?{}(?:个|批次?)"
COUNTS: list[tuple[tuple[str, ...], re.Pattern, str]] = [
    (("three_public",), re.compile(r"购置[(（]?(?:更新)?[)）]?(?:公务用车|车辆)(\d+)辆"), "vehicles_purchased"),
    (("three_public",), re.compile(r"(?:公务用车|车辆)保有量(?:为|是|共)?(\d+)辆"), "vehicle_count"),
    (("three_public",), re.compile(_RECEPTION.format(r"(\d+)")), "reception_groups"),
    (
        ("three_public",),
        re.compile(_RECEPTION.format(r"\d+") + r"[，,、]?(?:来访人员|共|累计)?(\d+)人次"),
        "reception_people",
    ),
    (("assets",), re.compile(r"有(?:公务用)?车辆?(\d+)[辆台]"), "vehicles_total"),  # (共)有车辆5辆, 共有公务用车5台
    (("performance",), re.compile(r"共涉及项目(\d+)个|共涉及(\d+)个项目"), "performance_projects"),
    (("performance",), re.compile(r"自评总分为?(\d+(?:\.\d+)?)分"), "self_eval_total_score"),
    (("performance",), re.compile(r"预算执行率得分为?(\d+(?:\.\d+)?)分"), "self_eval_budget_score"),
    (("performance",), re.compile(r"产出指标得分为?(\d+(?:\.\d+)?)分"), "self_eval_output_score"),
    (("performance",), re.compile(r"效益指标得分为?(\d+(?:\.\d+)?)分"), "self_eval_outcome_score"),
    (("performance",), re.compile(r"满意度指标得分为?(\d+(?:\.\d+)?)分"), "self_eval_satisfaction_score"),
]
COUNTS_BY_KIND = _by_kind(COUNTS)
# A vehicle use, brackets closed inside it (副部（省）级及以上领导用车0辆); a leading 其中 is not part of it.
VEHICLE_USE = re.compile(r"(?:其中)?((?:[\u4e00-\u9fff]|（[\u4e00-\u9fff]{1,4}）){2,16}?用车)(\d+)辆")
# 单位价值100万元以上设备4台（套）, 单位价值50万以上通用设备3台: the threshold decides the asset kind.
EQUIPMENT = re.compile(
    r"(?:单位价值|单价)(\d+)万元?(?:[（(]含[)）])?以上((?:[、，,和及]?(?:大型)?(?:通用|专用)?设备\d+[台套](?:[（(]套[)）])?)+)"
)
EQUIPMENT_ITEM = re.compile(r"(?:大型)?(通用|专用)?设备(\d+)[台套]")
EQUIPMENT_KINDS = {"100": "equipment_over_1m", "50": "equipment_over_500k"}
# 政府采购支出总额 X 万元，其中：货物 X 万元、工程 X 万元: the words alone name the total's parts right after it (after
# 授予中小企业合同金额 they are that amount's).
_PROCUREMENT_PART = rf"(货物|工程|服务)(?:类)?(?:支出)?为?{AMOUNT}"
PROCUREMENT_PARTS = re.compile(
    rf"(?:{_PROCUREMENT_TOTAL})(?:为|是|共计)?{_NUMBER}(?:{_UNIT})[，,]?其中[：:]?((?:[、，,]?{_PROCUREMENT_PART})+)"
)
PROCUREMENT_PART = re.compile(_PROCUREMENT_PART)
PROCUREMENT_KINDS = {"货物": "goods", "工程": "works", "服务": "services"}
PROCUREMENT_SHARE = re.compile(r"(货物|工程|服务)采购授予中小企业合同金额占\1支出金额的" + PCT)
NONE_WORDS = re.compile(r"(?:无|没有)(?!变化)|未发生|未安排|不涉及")  # 与上年相比无变化: no change, not nothing
# Sections where a sentence may say there was nothing to report.
NONE_KEYS = {
    "agency_cost": "agency_operating_cost",
    "gov_fund": "gov_fund_expense",
    "state_capital": "state_capital_expense",
}


@dataclass(slots=True)
class Statement:
    """One stated figure: an amount (万元), a share or rate (percent), or a count (quantity)."""

    section: str
    key: str
    line: int
    quote: str
    amount_wan: Decimal | None = None
    percent: Decimal | None = None
    quantity: Decimal | None = None
    quantity_unit: str | None = None
    detail: str | None = None
    subject_code: str | None = None


@dataclass(slots=True)
class Section:
    kind: str | None
    heading: str
    text: str = ""
    offsets: list[int] = field(default_factory=list)  # where each paragraph starts in text
    source_lines: list[int] = field(default_factory=list)  # and its source line

    def line_at(self, offset: int) -> int:
        """Source line of the paragraph the text at ``offset`` came from."""
        return self.source_lines[max(0, bisect_right(self.offsets, offset) - 1)]


@lru_cache(maxsize=4096)  # a heading is classified when its level, the sections' level and its section are found
def _kind(heading: str) -> str | None:
    """Section kind by heading words; 收支 is 收入支出, a table's name (…决算总表的说明) its 总体 and 公共财政拨款
    一般公共预算财政拨款."""
    flat = GPB.sub("一般公共预算财政拨款", no_space(heading).replace("收支", "收入支出").replace("总表", "总体"))
    return next((kind for kind, word in SECTION_KINDS if word in flat), None)


def _level(flat: str) -> int | None:
    """Numbering level of a heading (0 = 第X部分 … 3 = 1.), None for other paragraphs."""
    if len(flat) > MAX_HEADING and not (len(flat) <= MAX_SECTION_HEADING and flat.endswith("说明") and _kind(flat)):
        return None
    if m := HEADING.match(flat):
        return m.lastindex - 1
    return 1 if flat.endswith("说明") and len(flat) <= MAX_HEADING and _kind(flat) else None  # 收入决算情况说明


def _flat_lines(paragraphs: list[Paragraph]) -> list[tuple[int, str]]:
    """(line, flat text) of the paragraphs, a numbered section heading printed on one line with the section's
    first sentence (一、收入决算情况说明2024年度…) split in two."""
    out = []
    for para in paragraphs:
        flat = _flat(para.text)
        end = flat.find("说明", 0, MAX_SECTION_HEADING) + 2
        if 2 < end < len(flat) and flat[end] not in "：:，," and HEADING.match(flat) and _kind(flat[:end]):
            out += [(para.line, flat[:end]), (para.line, flat[end:])]
        else:
            out.append((para.line, flat))
    return out


def _numeral(flat: str) -> int:
    """The number of a numbered heading: 3 for 3. or （三）, 13 for 十三、."""
    return cn_number(re.match(r"^[（(]?(\d{1,2}|[一二三四五六七八九十]+)", flat).group(1))


def _section_level(headings: list[tuple[str, int]]) -> int:
    """The numbering level of the 情况说明 sections: 一、 where such headings name what they explain, else the
    level most of them use (（一） or 1. under a numbered part)."""
    levels = [
        level for flat, level in headings if level and ("说明" in flat or "情况" in flat) and _kind(flat) is not None
    ]
    return 1 if not levels or 1 in levels else max(set(levels), key=levels.count)


def _flat(text: str) -> str:
    """A paragraph's text without whitespace and footnote marks after its figures (``_FIGURE_NOTE``), （类）（款）（项）
    however their brackets are printed."""
    text = no_space(text)
    if _NOTE_CHARS.search(text):
        text = _FIGURE_NOTE.sub("", text)
    if "(" not in text:
        return text
    return text.replace("(类)", "（类）").replace("(款)", "（款）").replace("(项)", "（项）")


def _subheading(flat: str, following: str = "") -> bool:
    """A numbered line that heads what follows (1. 因公出国（境）费, （二）公用经费), not the first line of a numbered
    paragraph a PDF text layer wrapped (1. 一般公共服务支出类支出 2,901.91 万元，): no figure, no sentence mark or word
    a sentence goes on after at its end, and the line after it does not begin with an amount (3. …类支出 /
    1,529.95 万元，占 …: wrapped before its figure; no paragraph begins with one)."""
    m = SUBHEADING.match(flat) if len(flat) <= MAX_HEADING else None
    return (
        m is not None
        and not DIGIT.search(flat, m.end())
        and not flat.endswith(SENTENCE_GOES_ON)
        and not AMOUNT_RE.match(following)
    )


def sections(paragraphs: list[Paragraph]) -> list[Section]:
    """Numbered sections with their text joined across broken lines (whitespace removed)."""
    out: list[Section] = []
    current: Section | None = None
    lines = _flat_lines(paragraphs)
    flats = [flat for _, flat in lines]
    levels = [_level(flat) for flat in flats]
    section_level = _section_level([(f, v) for f, v in zip(flats, levels, strict=True) if v is not None])
    top = 0  # number of the current section heading
    for k, ((line, flat), level) in enumerate(zip(lines, levels, strict=True)):
        inside = current is not None and current.kind is not None
        if level is not None and level < section_level and (level <= 1 or not inside):
            top = 0  # 第X部分 or 一、 (or any heading outside a section) ends the section
        elif level is not None and level < section_level:
            level = None  # a （一） heading inside a section numbered 1. 2. …: a sub-heading
        elif level == section_level and section_level > 1 and inside and _numeral(flat) <= top:
            level = None  # numbering restarts: a sub-heading inside the section, as （一） under （十三） (the
            # 一、 level keeps every heading a section: a 目录 lists them before the body numbers them again)
        elif level == section_level > 1:
            top = _numeral(flat)
        if level is not None and level <= section_level:
            explains = "说明" in flat or "情况" in flat or flat.endswith(TABLE_NAME_ENDS)  # or the table it explains
            current = Section(_kind(flat) if explains else None, flat)
            out.append(current)
            continue
        if current is None or current.kind is None or FIGURE.match(flat):
            continue
        sub = _subheading(flat, flats[k + 1] if k + 1 < len(flats) else "")
        joiner = "\n" if current.text and (current.text[-1] in "。！？；：\n" or sub) else ""
        current.offsets.append(len(current.text) + len(joiner))
        current.source_lines.append(line)
        current.text += joiner + flat + ("\n" if sub else "")
    return [s for s in out if s.kind and s.text]


def _wan(number: str, unit: str) -> Decimal:
    return to_wan(Decimal(number.replace(",", "")), unit)


def _change(m: re.Match) -> tuple[Decimal | None, Decimal | None]:
    """(amount in 万元, percent) of a CHANGE match, signed by its word; a percent printed with its own sign takes
    the amount's (减少 3.25 万元，增长-43.4%)."""
    if m["pct_only"]:
        return None, CHANGE_WORDS[m["sign3"]] * Decimal(m["pct_only"])
    if m["change"]:
        sign, amount, unit, pct = m["sign"], m["change"], m["change_unit"], m["change_pct"]
    else:
        sign, amount, unit, pct = m["sign2"], m["change2"], m["change_unit2"], m["pct_first"]
    wan = CHANGE_WORDS[sign] * _wan(amount, unit)
    if pct is None:
        return wan, None
    rate = Decimal(pct)
    return wan, (abs(rate).copy_sign(wan) if pct.startswith("-") else CHANGE_WORDS[sign] * rate)


def _prior(sentence: str, start: int, fiscal_year: int | None) -> tuple[bool, bool]:
    """Whether the figure at ``start`` is last year's by the words before it in its clause (上年人员经费, 2023 年度
    收入合计), and whether they compare with last year (比上年收入合计 X 万元增加 Y 万元: Y is this year's change)."""
    last = None
    for m in PRIOR_YEAR.finditer(sentence, 0, start):
        if m[1] is None or (fiscal_year is not None and cn_number(m[1]) < fiscal_year):
            last = m.start()
    if last is None:  # most sentences: no word of last year before the figure
        return False, False
    begins = max(sentence.rfind(mark, 0, start) for mark in CLAUSE_MARKS) + 1
    prior = last >= begins
    return prior, prior and COMPARED.search(sentence, begins, start) is not None


def _phrase_statements(section: Section, offset: int, sentence: str, fiscal_year: int | None) -> list[Statement]:
    out: list[Statement] = []
    taken: list[tuple[int, int]] = []
    found = [entry for entry in PATTERNS_BY_KIND.get(section.kind, ()) if entry[0].search(sentence)]
    # a name inside a longer one is the longer one's (支出合计 in 基本支出合计, 收入合计 in 财政拨款收入合计)
    names = [(n.start(), n.end()) for phrase, *_ in found for n in phrase.finditer(sentence)]
    for phrase, keys, pattern in found:
        for m in pattern.finditer(sentence):
            if (
                m.group(0) == phrase.match(m.group(0)).group(0)
                or any(a <= m.start() < b for a, b in taken)
                or any(a < m.start() < b for a, b in names)
            ):
                continue
            prior, compared = _prior(sentence, m.start(), fiscal_year)
            if prior and not compared:
                continue  # 上年收、支总计均为…, （2023 年度人员经费…）: last year's figure
            taken.append((m.start(), m.end()))
            line = section.line_at(offset + m.start())
            quote = sentence.strip("\n")
            for k, key in enumerate(keys):
                if m["value"] and not prior:
                    share = _decimal(m["share"] or m["share_first"])
                    value = _wan(m["value2"], m["unit2"]) if k and m["value2"] else _wan(m["value"], m["unit"])
                    out.append(Statement(section.kind, key, line, quote, value, share))  # 分别为 X、Y: X, then Y
                if m["change"] or m["change2"] or m["pct_only"]:
                    amount, pct = _change(m)
                    out.append(Statement(section.kind, key + "_change", line, quote, amount, pct))
                elif m["flat"]:
                    out.append(Statement(section.kind, key + "_change", line, quote, Decimal(0), Decimal(0)))
    return out


def _figure(m: re.Match) -> Decimal:
    """万元 of an ORIGINAL_BUDGET / FINAL_AMOUNT match."""
    return _wan(m[1], m[2]) if m[1] else Decimal(m[3])


def _decimal(text: str | None) -> Decimal | None:
    return Decimal(text) if text is not None else None


def _last_mark(text: str, end: int) -> str:
    """The last character before the line breaks that end at ``end`` (the end of a paragraph's text)."""
    while end >= 0 and text[end] == "\n":
        end -= 1
    return text[end] if end >= 0 else ""


def _this_year(pattern: re.Pattern, sentence: str, fiscal_year: int | None) -> Iterator[re.Match]:
    """The matches of ``pattern`` in ``sentence`` that are not last year's figures."""
    return (m for m in pattern.finditer(sentence) if not _prior(sentence, m.start(), fiscal_year)[0])


def _three_public(
    section: Section, offset: int, sentence: str, subject: str | None, heading: str | None, fiscal_year: int | None
) -> tuple[list[Statement], str | None]:
    """预算 / 支出决算 / change figures of the 三公 section, each attributed to the last item named before it, else
    to the paragraph's subject (the item it names before its first amount: 较上年… after an 其中 list is the total's),
    else to the item its sub-heading names, else to the total; a paragraph listed or naming a 费 right before its
    预算 / 决算 / 支出 words that is no item the reader knows (2. 公务用车费…, 差旅费全年预算为…) is not read, nor one
    under such a sub-heading (经费 and 费用 are no item: 严格控制经费支出，…, “三公”费用 is the total). Last year's
    figures (上年…支出决算为) are passed over, and an item is given one figure of each kind per sentence."""
    named = (
        [(m.start(), m.lastgroup) for m in THREE_PUBLIC_ITEMS.finditer(sentence)]
        if "费" in sentence or "三公" in sentence
        else []
    )
    if subject is None:
        first = AMOUNT_RE.search(sentence)
        subject = next((key for start, key in named if first is None or start < first.start()), None)
        if (
            subject is None
            and first is not None
            and (_LIST_MARK.match(sentence) or UNKNOWN_ITEM.search(sentence, 0, first.start()))
        ):
            subject = UNNAMED  # 2. 公务用车费… / 差旅费全年预算为…: an item, not the total

    def item_at(pos: int) -> str | None:
        item = next((key for start, key in reversed(named) if start < pos), subject or heading or "three_public")
        return None if item == UNNAMED else "three_public_actual" if item == "three_public" else item

    line, quote, out = section.line_at(offset), sentence.strip("\n"), {}
    if "预算" in sentence:
        for m in _this_year(THREE_PUBLIC_BUDGET, sentence, fiscal_year):
            if item := item_at(m.start()):
                budget = item.removesuffix("_actual") + "_budget"
                out.setdefault(budget, Statement(section.kind, budget, line, quote, _wan(*m.groups())))
    if "决算" in sentence:
        for m in _this_year(THREE_PUBLIC_ACTUAL, sentence, fiscal_year):
            if actual := item_at(m.start()):
                out.setdefault(actual, Statement(section.kind, actual, line, quote, _wan(m[1], m[2]), _decimal(m[3])))
    if (
        ("年" in sentence or "比" in sentence or "较" in sentence)
        and (m := THREE_PUBLIC_CHANGE.search(sentence) or THREE_PUBLIC_FLAT.search(sentence))
        and (item := item_at(m.start()))
    ):
        amount, pct = _change(m) if m.re is THREE_PUBLIC_CHANGE else (Decimal(0), Decimal(0))
        out[item + "_change"] = Statement(section.kind, item + "_change", line, quote, amount, pct)
    return list(out.values()), subject


def _counts(section: Section, offset: int, sentence: str) -> list[Statement]:
    out = []
    line, quote = section.line_at(offset), sentence.strip("\n")
    for pattern, key in COUNTS_BY_KIND.get(section.kind, ()):
        if m := pattern.search(sentence):  # the count: its alternative's group
            unit = "分" if key.endswith("_score") else ("个" if "个" in m.group(0) else None)
            out.append(Statement(section.kind, key, line, quote, quantity=Decimal(m[m.lastindex]), quantity_unit=unit))
    if section.kind == "assets" and "设备" in sentence:
        for m in EQUIPMENT.finditer(sentence):
            if key := EQUIPMENT_KINDS.get(m.group(1)):  # other thresholds have no asset kind
                for item in EQUIPMENT_ITEM.finditer(m.group(2)):  # 通用设备3台、专用设备2台
                    kind, quantity = item.group(1) and item.group(1) + "设备", Decimal(item.group(2))
                    out.append(Statement(section.kind, key, line, quote, quantity=quantity, detail=kind))
    if section.kind == "assets" and "用车" in sentence:
        for m in VEHICLE_USE.finditer(sentence):
            if "有" in m.group(1):
                continue  # (共)有公务用车5辆: the total, not a use
            out.append(
                Statement(
                    section.kind,
                    "vehicles_by_use",
                    line,
                    quote,
                    quantity=Decimal(m.group(2)),
                    quantity_unit="辆",
                    detail=m.group(1),
                )
            )
    if section.kind == "procurement":
        for m in PROCUREMENT_PARTS.finditer(sentence):
            for part in PROCUREMENT_PART.finditer(m.group(1)):
                key = f"procurement_{PROCUREMENT_KINDS[part.group(1)]}"
                out.append(Statement(section.kind, key, line, quote, _wan(part.group(2), part.group(3))))
        for m in PROCUREMENT_SHARE.finditer(sentence):
            kind = PROCUREMENT_KINDS[m.group(1)]
            out.append(
                Statement(section.kind, f"procurement_{kind}_sme_share", line, quote, percent=Decimal(m.group(2)))
            )
    if section.kind == "gpb" and "占" in sentence:  # the literal first: the pattern starts with a CJK run
        for m in CLASS_LINE.finditer(sentence):
            if (name := _class_in(m.group(1), "类" in m.group(0))) is None:
                continue  # 基本支出 N 万元，占 P%: not a class
            out.append(
                Statement(
                    section.kind,
                    "gpb_expense_by_class",
                    line,
                    quote,
                    _wan(m.group(2), m.group(3)),
                    Decimal(m.group(4)),
                    detail=name,
                )
            )
    return out


def _gpb_budget(section: Section, offset: int, sentence: str, fiscal_year: int | None) -> list[Statement]:
    """年初预算 / 支出决算 / 完成…% of the whole 一般公共预算 in a sentence that names it before them (一般公共预算财政
    拨款支出年初预算为 …, in either order): a 项's paragraph printed without （项） names a 项, not the whole."""
    original = next(_this_year(ORIGINAL_BUDGET, sentence, fiscal_year), None)
    final = next(_this_year(FINAL_AMOUNT, sentence, fiscal_year), None)
    if original is None or final is None or not WHOLE_BUDGET.search(sentence[: min(original.start(), final.start())]):
        return []
    line, quote, completion = section.line_at(offset), sentence.strip("\n"), COMPLETION.search(sentence)
    pct = _decimal(completion[1]) if completion else None
    return [
        Statement(section.kind, "gpb_original_budget", line, quote, _figure(original)),
        Statement(section.kind, "gpb_budget_completion", line, quote, _figure(final), pct),
    ]


def _class_in(words: str, marked: bool) -> str | None:
    """The class a line names by the words before its 支出: the longest tail that is a class's name as the reference
    list has it (主要用于一般公共服务 → 一般公共服务支出), else the words as printed when 类 marks the line."""
    for k in range(len(words) - 1):
        ref = function_subjects().match(name := words[k:] + "支出", "")
        if ref is not None and label(ref.name) == label(name):
            return name
    return words + "支出" if marked else None


def _nothing(section: Section, offset: int, sentence: str) -> list[Statement]:
    """A sentence saying there was nothing to report (无, 没有, 未发生) in a section where that is a figure."""
    none_key = NONE_KEYS.get(section.kind or "")
    if none_key and NONE_WORDS.search(sentence) and not AMOUNT_RE.search(sentence):
        return [
            Statement(section.kind, none_key, section.line_at(offset), sentence.strip("\n"), Decimal(0), detail="none")
        ]
    return []


def read_statements(narrative: list[Section], fiscal_year: int | None = None) -> list[Statement]:
    """Every stated figure of the narrative sections (figures of a year before ``fiscal_year`` passed over)."""
    out: list[Statement] = []
    for section in narrative:
        subject, heading, stated, per_item, project = None, None, False, False, None
        for m in SENTENCE.finditer(section.text):
            offset, sentence = m.start(), m.group()
            if per_item or "（项）" in sentence or ("预算" in sentence and _budget_paths(sentence)):
                # per-项 budget execution, to the end of its paragraph
                per_item = not sentence.endswith("\n")
                continue
            if "自评综述" in sentence:  # the project whose figures follow, on this line or the next (项目 alone: none)
                named = _LIST_MARK.sub("", sentence.split("自评综述", 1)[0]).removesuffix("绩效")
                project = named if named.removesuffix("项目") else None
            found: list[Statement] = []
            if section.kind == "three_public":
                found, subject = _three_public(section, offset, sentence, subject, heading, fiscal_year)
                if sentence.endswith("\n") and _last_mark(section.text, m.end() - 1) not in "，,":
                    if _subheading(sentence.rstrip("\n")):  # 1. 因公出国（境）费 over the paragraphs of its figures
                        heading = subject or (UNNAMED if UNKNOWN_ITEM.search(sentence.rstrip("\n")) else None)
                    subject = None  # a paragraph ends (not a line of one wrapped after 3. 公务接待费…，)
                out += found
            figures = DIGIT.search(sentence) is not None  # every figure has a digit, or says 持平 or 无
            money = figures and ("元" in sentence or "万" in sentence)  # an amount's unit: …元 or 万
            # a phrase's figure is an amount, a percentage or 持平 / 无变化
            if money or (figures and "%" in sentence) or "持平" in sentence or "变化" in sentence:
                keys = {s.key for s in found}  # an item's figure read by the 三公 reading is not read twice
                for s in _phrase_statements(section, offset, sentence, fiscal_year):
                    if s.key in PROJECT_SUMMARY_KEYS:
                        s.detail = project
                    if s.key not in keys:
                        out.append(s)
            if figures:
                out += _counts(section, offset, sentence)
                if section.kind == "gpb" and "年初预算" in sentence:
                    out += _gpb_budget(section, offset, sentence, fiscal_year)
                stated = stated or (money and any(_wan(*m.groups()) for m in AMOUNT_RE.finditer(sentence)))
            if not stated:  # 没有 after an amount other than 0 is a reason or a detail (年末无结转和结余)
                out += _nothing(section, offset, sentence)
    return out


# A listed project: name (，/：)(支出/预算…) amount (，执行 amount) 。主要成效：…; the executed amount if both printed.
_PROJECT_LABEL = r"(?:支出|金额|预算|决算|执行)(?:数|金额)?为?"
PROJECT_LINE = re.compile(
    rf"(?:^|(?<=。))(?P<name>[^\n。：；]{{2,80}}?)[：:，,]?(?:{_PROJECT_LABEL})?(?P<amount>{_NUMBER})(?P<unit>{_UNIT})"
    rf"(?:[，,](?:执行|支出|决算)(?:数|金额)?为?(?P<executed>{_NUMBER})(?P<executed_unit>{_UNIT}))?"
    r"[。，,]?主要(?:成效|绩效)[：:](?P<outcome>[^\n]*)"
)
PROJECT_LIST = re.compile(r"项目支出(?:主要用于|主要包括|情况如下|具体如下|明细如下)")
# A list mark: 1. 1、 (1) （一） ① 一是
_LIST_MARK = re.compile(
    r"^(?:[（(]?\d{1,2}[)）.．、]|[（(][一二三四五六七八九十]+[)）]|[①-⑳]|[一二三四五六七八九十]是)"
)
SENTENCE_END = re.compile("[。；]")
# A 项's path: （类）…（款）…（项） (its figures after it however punctuated), or right before its figures 类…款…项
# without brackets, the names joined by dashes, or the 项's code and name (2210201住房公积金：年初预算为…).
_BEFORE_FIGURES = r"(?=[：:，,]?(?:(?:年初)?预算|(?:支出)?决算))"
_PATH_NAME = r"[\u4e00-\u9fff（）()]+?"
BUDGET_PATHS = [
    re.compile(r"(?P<cls>[^。；]+?)（类）(?P<kuan>[^。；]+?)（款）(?P<xiang>[^。；]+?)（项）"),
    re.compile(rf"(?P<cls>{_PATH_NAME})类(?P<kuan>{_PATH_NAME})款(?P<xiang>{_PATH_NAME})项{_BEFORE_FIGURES}"),
    re.compile(rf"(?P<cls>{_PATH_NAME})[-—－]+(?P<kuan>{_PATH_NAME})[-—－]+(?P<xiang>{_PATH_NAME}){_BEFORE_FIGURES}"),
    re.compile(rf"\d{{7}}(?P<xiang>{_PATH_NAME}){_BEFORE_FIGURES}"),
]


@dataclass(slots=True)
class BudgetLine:
    """One per-项 paragraph: （类）…（款）…（项）年初预算为 … 支出决算为 … 完成年初预算的 …%."""

    line: int
    path_text: str
    class_name: str
    kuan_name: str
    xiang_name: str
    original_budget_wan: Decimal
    final_wan: Decimal
    completion_pct: Decimal | None
    reason: str | None
    quote: str
    subject_code: str | None = None
    code_method: str = "unresolved"


@dataclass(slots=True)
class ProjectLine:
    line: int
    project_name: str
    amount_wan: Decimal
    outcome_text: str


def _lines_with(section: Section, word: str) -> list[tuple[int, str]]:
    """(offset, text) of the lines of a section's text that contain ``word``; a line that begins with it continues
    the line above (主要成效：… after a PDF text line ended at the sentence's 。)."""
    lines: list[tuple[int, str]] = []
    start = 0
    for line in section.text.split("\n"):
        if lines and line.startswith(word):
            lines[-1] = (lines[-1][0], lines[-1][1] + line)
        else:
            lines.append((start, line))
        start += len(line) + 1
    return [(offset, text) for offset, text in lines if word in text]


def _budget_paths(line: str) -> list[tuple[int, int, re.Match]]:
    """(start, end, path) of each sentence of a line that begins with a 项's path (after its list mark)."""
    out = []
    for start in [0, *(m.end() for m in SENTENCE_END.finditer(line))]:
        sentence = line[start:]
        skip = m.end() if (m := _LIST_MARK.match(sentence)) else 0
        if path := next((p for pattern in BUDGET_PATHS if (p := pattern.match(sentence, skip))), None):
            out.append((start, start + path.end(), path))
    return out


def read_budget_lines(narrative: list[Section], fiscal_year: int | None = None) -> list[BudgetLine]:
    """Per-项 budget execution sentences of the narrative sections (上年支出决算 … passed over)."""
    out = []
    for section in narrative:
        for offset, line in _lines_with(section, "预算"):
            paths = _budget_paths(line)
            if not paths:  # no sentence begins with a path (行政运行（项）…: the rest of one a page broke)
                continue
            ends = [p for p, *_ in paths[1:]] + [len(line)]  # each path's figures run to the next path
            for (start, end, path), after in zip(paths, ends, strict=True):
                segment = line[end:after]
                original = next(_this_year(ORIGINAL_BUDGET, segment, fiscal_year), None)
                final = next(_this_year(FINAL_AMOUNT, segment, fiscal_year), None)
                if original is None or final is None:
                    continue
                completion = COMPLETION.search(segment)
                figures = max(x.end() for x in (original, final, completion) if x)
                rest = segment[figures:].split("。", 1)[0]
                reason = rest.split("原因", 1)[1].lstrip("：:") if "原因" in rest else None
                out.append(
                    BudgetLine(
                        section.line_at(offset + start),
                        path.string[path.pos : path.end()],
                        path.groupdict().get("cls", ""),
                        path.groupdict().get("kuan", ""),
                        path["xiang"],
                        _figure(original),
                        _figure(final),
                        _decimal(completion[1]) if completion else None,
                        reason,
                        line[start : end + figures] + rest,
                    )
                )
    return out


def read_projects(narrative: list[Section]) -> list[ProjectLine]:
    """The 项目支出 list: project name, amount and 主要成效, after a 项目支出主要用于 / 主要包括 / 情况如下 sentence."""
    out = []
    for section in narrative:
        if (intro := PROJECT_LIST.search(section.text)) is None:
            continue
        start = intro.start()
        for offset, line in (
            _lines_with(section, "主要成效") if "主要成效" in section.text else _lines_with(section, "主要绩效")
        ):
            if offset <= start:
                continue
            for m in PROJECT_LINE.finditer(line):
                name = _LIST_MARK.sub("", m.group("name")).strip("，,、")
                amount = _wan(m["executed"], m["executed_unit"]) if m["executed"] else _wan(m["amount"], m["unit"])
                out.append(ProjectLine(section.line_at(offset + m.start()), name, amount, m.group("outcome")))
    return out
