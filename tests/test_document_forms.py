"""Document-level forms made from the real document: page marks, tables that name a table already read, invisible
characters, line endings, captions of other tables and contents lists. The numbers must not change."""

from __future__ import annotations

import re

import pytest

from loaders.document import DocumentError, _header_fits, parse_document
from loaders.pipeline import ParsedDocument
from loaders.text import is_printed_amount, to_wan

from . import steps
from .conftest import CORPUS
from .test_forms import REAL, T01, T04, T05, T06, parse, values
from .test_layouts import LINES, basic_split_in_table05, table_block

TITLE = "# 2024 年度武汉市信息中心（武汉市大数据中心）决算公开"
T02, T03, T09 = "2024 年度收入决算表", "2024 年度支出决算表", "2024 年度财政拨款“三公”经费支出决算表"
# The second halves of the real document's sentences a page broke (a converter may print the page mark between).
BROKEN = (
    "2024 年项目支出增加。",
    "维工作可保证",
    "用需在下一年度支出",
    "支出决算为 4.23 万元",
    "费支出。",
    "万元，从评价情况来看",
)


def narrative(parsed: ParsedDocument) -> tuple:
    """Every narrative figure, budget line and project, and the paragraph texts."""
    return (
        [(s.section, s.key, s.amount_wan, s.percent, s.quantity, s.detail, s.subject_code) for s in parsed.statements],
        [(b.class_name, b.xiang_name, b.original_budget_wan, b.final_wan, b.subject_code) for b in parsed.budget_lines],
        [(p.project_name, p.amount_wan) for p in parsed.projects],
        [p.text for p in parsed.document.paragraphs],
    )


def evaluations(parsed: ParsedDocument) -> list[tuple]:
    return [(e.caption, e.kind, e.budget_wan, e.executed_wan, len(e.indicators)) for e in parsed.evaluations]


def marks_where_pages_broke(mark: str) -> list[str]:
    out = []
    for line in LINES:
        if line.startswith(BROKEN):
            out += [mark, ""]
        out.append(line)
    return out


@pytest.mark.parametrize("mark", ["17", "- 17 -", "第 17 页", "第17页 共30页", "17/30", "· 17 ·", "共 30 页"])
def test_page_marks_inside_broken_sentences(mark):
    """A page number between the halves of a sentence is not glued into it (3,797.75 17 万元 → 3,797.7517)."""
    parsed = parse(marks_where_pages_broke(mark))
    assert narrative(parsed) == narrative(REAL) and parsed.document.warnings == []
    assert next(s.amount_wan for s in parsed.statements if s.key == "performance_unit_funds") == 3797.75


def test_page_footers_at_every_page():
    """第 N 页 after every 40 lines outside the tables: project names and budget lines keep their words."""
    out = []
    for k, line in enumerate(LINES):
        out.append(line)
        if k and k % 40 == 0 and "\t" not in line:
            out += ["", f"第 {k // 40} 页", ""]
    parsed = parse(out)
    assert narrative(parsed) == narrative(REAL) and values(parsed) == values(REAL)


def test_bare_numbers_that_are_text_stay():
    """A number alone between two short lines (a list) or a year alone is text, not a page number."""
    at = LINES.index("## 二、机构设置情况")
    lines = [*LINES[:at], "车辆", "", "2", "", "设备", "", "2024", "", *LINES[at:]]
    texts = [p.text for p in parse(lines).document.paragraphs]
    assert texts[texts.index("车辆") : texts.index("车辆") + 4] == ["车辆", "2", "设备", "2024"]


@pytest.mark.parametrize(
    "mark",
    [
        "共 30 页",
        "第5页/共30页",
        "· 5 ·",
        "Page 5",
        "Page 5 of 30",
        "<!-- PageBreak -->",
        '<!-- PageNumber="5" -->',
        "{5}------------------------------------------------",
        "---",
        "![](page_5.png)",
    ],
)
def test_page_marks_inside_a_table(mark):
    first, end = table_block(T02)
    mid = next(i for i in range(first, end) if LINES[i].startswith("208\t"))  # between two rows of table 02
    parsed = parse([*LINES[:mid], "", mark, "", *LINES[mid:]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []
    assert mark not in [p.text for p in parsed.document.paragraphs]


NARRATIVE_09 = [
    "表：2024 年度“三公”经费支出决算情况表",
    "",
    "单位：万元",
    "",
    "项目\t2023年决算数\t2024年预算数\t2024年决算数\t增减额\t增减率",
    "合计\t7.48\t4.23\t4.23\t-3.25\t-43.4%",
    "因公出国（境）费\t0.00\t0.00\t0.00\t0.00\t0.0%",
    "公务用车购置费\t0.00\t0.00\t0.00\t0.00\t0.0%",
    "公务用车运行费\t7.41\t4.09\t4.09\t-3.32\t-44.8%",
    "公务接待费\t0.07\t0.14\t0.14\t0.07\t100.0%",
    "",
]
EXPENSE_DETAIL = [
    "2024 年度支出决算明细表",
    "",
    "单位：武汉市信息中心（武汉市大数据中心）      2024 年度      金额单位：万元",
    "",
    "项目\t决算数",
    "栏次\t1",
    "合计\t12.34",
    "办公费\t5.00",
    "",
]


@pytest.mark.parametrize(
    ("before", "extra", "code"),
    [
        ("### **(一) “三公”经费财政拨款支出决算总体情况说明。**", NARRATIVE_09, "09"),
        ("2024 年度财政拨款收入支出决算总表", EXPENSE_DETAIL, "03"),
    ],
)
def test_a_table_naming_a_table_already_read_stays_apart(before, extra, code):
    """Another table whose caption gives the code of the table before it (a 三公 table in the narrative after
    table 09, a narrow 支出决算明细表 after table 03) is not merged into it, and is reported."""
    at = LINES.index(before)
    parsed = parse([*LINES[:at], *extra, *LINES[at:]])
    assert values(parsed) == values(REAL)
    assert parsed.document.table(code).last_line == REAL.document.table(code).last_line
    line = at + next(k for k, text in enumerate(extra) if "\t" in text) + 1
    assert parsed.document.warnings == [
        f"table at line {line} ({extra[0]}): names table {code} again without continuing it; kept apart, "
        f"not read as table {code}"
    ]


@pytest.mark.parametrize("caption", [T03, "支出决算表"])
def test_the_same_caption_printed_again_continues_the_table(caption):
    """Table 03 broken by a page with its caption printed again (with or without the year), no header rows."""
    first, end = table_block(T03)
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    parsed = parse([*LINES[:split], "", caption, "", *LINES[split:]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("char", ["\u200b", "\ufeff", "\u00ad", "\u2060"])
def test_invisible_characters_are_removed(char):
    """A zero-width space, a byte-order mark inside the text, a soft hyphen or a word joiner in the title and in
    row names: the same unit, the same document id and the same codes."""
    lines = [line.replace("信息中心", f"信息{char}中心").replace("\t事业运行", f"\t事业{char}运行") for line in LINES]
    parsed = parse([line.replace("\t基本工资", f"\t基本{char}工资") for line in lines])
    assert (parsed.document.unit_name, parsed.unit_id, parsed.document_id) == (
        REAL.document.unit_name,
        REAL.unit_id,
        REAL.document_id,
    )
    assert values(parsed) == values(REAL)
    assert [(r.code, r.method) for r in parsed.econ] == [(r.code, r.method) for r in REAL.econ]


def test_classic_mac_line_endings():
    doc = parse_document("mac.md", "\r".join(LINES).encode("utf-8"))
    assert [(p.line, p.text) for p in doc.paragraphs] == [(p.line, p.text) for p in REAL.document.paragraphs]
    assert [(t.code, t.first_line, t.rows) for t in doc.tables] == [
        (t.code, t.first_line, t.rows) for t in REAL.document.tables
    ]


@pytest.mark.parametrize(
    "extra",
    ["（七）“三公”经费支出决算表：反映三公经费。", "附件：项目支出决算表、绩效自评表", "基本支出决算：见公开06表。"],
)
def test_the_nearest_caption_decides(extra):
    """A line naming one of the nine tables above an evaluation's own caption (…自评表) does not give the
    evaluation a table code."""
    at = LINES.index("## 第六部分 附件")
    parsed = parse([*LINES[:at], extra, "", *LINES[at:]])
    assert evaluations(parsed) == evaluations(REAL) and len(REAL.evaluations) == 7
    assert parsed.document.warnings == []


@pytest.mark.parametrize("caption", ["附件：项目支出决算表、绩效自评表", "2024 年度项目支出决算表"])
def test_project_expense_table_is_not_table03(caption):
    at = next(i for i, line in enumerate(LINES) if line.startswith("#### 2024 年度本级支出项目"))
    parsed = parse([*LINES[:at], caption, "", *LINES[at + 1 :]])
    assert evaluations(parsed)[1:] == evaluations(REAL)[1:] and len(parsed.evaluations) == 7


NAMES = [
    "收入支出决算总表",
    "收入决算表",
    "支出决算表",
    "财政拨款收入支出决算总表",
    "一般公共预算财政拨款支出决算表",
    "一般公共预算财政拨款基本支出决算表",
    "财政拨款“三公”经费支出决算表",  # the central template's order: 三公 is 公开07表
    "政府性基金预算财政拨款收入支出决算表",
    "国有资本经营预算财政拨款支出决算表",
]


@pytest.mark.parametrize(
    "contents",
    [
        ["| 表号 | 表名 |", "|---|---|", *[f"| 公开{k:02d}表 | {name} |" for k, name in enumerate(NAMES, 1)]],
        [f"公开{k:02d}表\t{name}" for k, name in enumerate(NAMES, 1)],
        [f"{k}\t{name}\t{k + 3}" for k, name in enumerate(NAMES, 1)],
    ],
)
def test_a_contents_list_printed_as_a_grid_is_not_a_table(contents):
    at = LINES.index("# 目 录") + 1
    parsed = parse([*LINES[:at], "", *contents, "", *LINES[at:]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []
    assert [(t.code, t.caption) for t in parsed.document.tables] == [(t.code, t.caption) for t in REAL.document.tables]


@pytest.mark.parametrize("pages", [False, True])
@pytest.mark.parametrize("before", ["## 第三部分", "二、收入决算情况说明"])
def test_a_contents_list_captions_no_grid_below_it(before, pages):
    """A grid with no caption right under the contents lines (一、收入支出决算总表 … 九、财政拨款“三公”经费支出决算表,
    with page numbers or none), or below them across other lines, had taken the nearest of them as its caption (table
    09, the real one kept apart): it is a table with no caption."""
    at = next(k for k, line in enumerate(LINES) if line.startswith(before))
    lines = [f"{line}……{k}" if pages and k < at and line.endswith("决算表") else line for k, line in enumerate(LINES)]
    parsed = parse([*lines[:at], "项目\t决算数", "合计\t12.34", "", *lines[at:]])
    assert values(parsed) == values(REAL)
    assert parsed.document.warnings == [
        f"table at line {at + 1}: amounts in a table that is neither one of the nine tables (no caption recognised) "
        "nor a performance evaluation; not read"
    ]


def test_a_contents_list_with_the_table_numbers_on_lines_of_their_own_captions_no_grid_below_it():
    """The contents lines with each table's number on a line of its own (公开01表 / 收入支出决算总表 / … / 公开09表 /
    财政拨款“三公”经费支出决算表) over a grid with no caption: a table with no caption (the number lines had ended
    the contents run: the grid was read as naming table 09, with a warning)."""
    at = next(k for k, line in enumerate(LINES) if line.startswith("## 第三部分"))
    lines = []
    for line in LINES[:at]:
        number = "一二三四五六七八九".find(line[:1]) + 1 if line.endswith("决算表") and line[1:2] == "、" else 0
        lines += [f"公开0{number}表", "", line[2:]] if number else [line]
    parsed = parse([*lines, "项目\t决算数", "合计\t12.34", "", *LINES[at:]])
    assert values(parsed) == values(REAL)
    assert parsed.document.warnings == [
        f"table at line {len(lines) + 1}: amounts in a table that is neither one of the nine tables (no caption "
        "recognised) nor a performance evaluation; not read"
    ]


@pytest.mark.parametrize("grid09", [True, False])
def test_empty_tables_printed_one_after_another_as_a_title_a_number_and_a_note(grid09):
    """Tables 07, 08 (and 09) printed empty one after another, each as its title, its number and a note: no contents
    list; table 09's grid is read under its caption, and no empty table's caption is taken by the grid below."""
    t08, empty_08 = "2024 年度国有资本经营预算财政拨款支出决算表", "本单位 2024 年度无国有资本经营预算财政拨款支出。"
    empty = [T07, "公开 07 表", EMPTY_07, t08, "公开 08 表", empty_08]
    at, end = LINES.index(t08), LINES.index(T09)
    if not grid09:
        empty += [T09, "公开 09 表", "本单位 2024 年度无财政拨款“三公”经费支出。"]
        end = table_block(T09)[1]
    parsed = parse([*LINES[:at], *(x for line in empty for x in (line, "")), *LINES[end:]])
    assert parsed.document.warnings == ([] if grid09 else ["table 09 财政拨款“三公”经费支出决算表 not found"])
    read = [(t.code, t.caption) for t in REAL.document.tables if t.code != "08" and (grid09 or t.code != "09")]
    assert [(t.code, t.caption) for t in parsed.document.tables] == read


def identity(parsed: ParsedDocument) -> tuple:
    d = parsed.document
    return d.unit_name, d.unit_alias, d.fiscal_year, d.doc_kind, parsed.document_id


def with_title(*lines: str) -> list[str]:
    at = LINES.index(TITLE)
    return [*LINES[:at], *(x for line in lines for x in (line, "")), *LINES[at + 1 :]]


@pytest.mark.parametrize(
    "before", ["武汉市数据局关于公开2024年度部门所属单位决算的通知", "现将我单位2024年度决算公开如下："]
)
def test_a_notice_or_sentence_before_the_title_is_not_the_title(before):
    parsed = parse(with_title(before, TITLE))
    assert identity(parsed) == identity(REAL) and parsed.document.title == REAL.document.title


def test_title_over_three_short_lines():
    parsed = parse(with_title("# 2024年度", "武汉市信息中心（武汉市大数据中心）", "单位决算公开"))
    assert identity(parsed)[:3] == identity(REAL)[:3]
    assert parsed.document.title == "2024年度武汉市信息中心（武汉市大数据中心）单位决算公开"


@pytest.mark.parametrize(
    "lines",
    [
        ["# 武汉市信息中心（武汉市大数据中心）", "2024 年度单位决算"],
        ["# 武汉市信息中心", "（武汉市大数据中心）", "2024 年度单位决算"],
        ["武汉市信息中心（武汉市大数据中心）", "# 2024年度", "单位决算"],
    ],
)
def test_title_under_the_units_name(lines):
    """The unit's name on the lines above a title that names none, in a document whose tables do not name it: the
    document failed (unit name not found); with the tables' 单位 lines, the title was 2024年度单位决算."""
    unlabelled = [line for line in with_title(*lines) if not line.startswith(("单位：", "单位:", "单位名称："))]
    parsed = parse(unlabelled)
    assert identity(parsed) == identity(parse(with_title("# 2024 年度武汉市信息中心（武汉市大数据中心）单位决算")))
    assert parsed.document.title == "武汉市信息中心（武汉市大数据中心）2024年度单位决算"


@pytest.mark.parametrize("above", [["附件"], ["附件2"], ["公开日期：2025年9月29日"], ["附件", "（武汉市大数据中心）"]])
def test_a_line_above_a_title_naming_no_unit_that_is_no_name(above):
    parsed = parse(with_title(*above, "# 2024 年度单位决算"))
    assert parsed.document.title == "2024年度单位决算" and parsed.document.unit_name == "武汉市信息中心"


@pytest.mark.parametrize(
    "dated",
    [
        lambda lines: [line.replace("2025 年 9 月 29 日", "公开日期：2025 年 9 月 29 日") for line in lines],
        lambda lines: [line.replace("2025 年 9 月 29 日", "发布时间：2025年9月29日") for line in lines],
        lambda lines: [line.replace("2025 年 9 月 29 日", "二〇二五年九月二十九日") for line in lines],
        lambda lines: [
            *(line for line in lines if line != "2025 年 9 月 29 日"),
            "",
            "武汉市信息中心",
            "",
            "2025年9月29日",
        ],
    ],
)
def test_publication_date_forms(dated):
    """A labelled date, a date in Chinese numerals, or a date under the signature at the end."""
    assert parse(dated(LINES)).document.publication_date == REAL.document.publication_date == "2025-09-29"


@pytest.mark.parametrize("printed", ["2025 年 8 月", "公开日期：2025年8月", "二〇二五年八月"])
def test_a_publication_date_without_its_day_is_not_stored(printed):
    """No day is made up: the date stays empty, with a warning (the line was passed over without one); a whole date
    under the signature is read all the same."""
    at = LINES.index("2025 年 9 月 29 日")
    lines = [*LINES[:at], printed, *LINES[at + 1 :]]
    parsed = parse(lines)
    assert parsed.document.publication_date is None
    assert parsed.document.warnings == [f"publication date at line {at + 1} ({printed}) has no day: not stored"]
    signed = parse([*lines, "", "武汉市信息中心", "", "2025年9月29日"])
    assert signed.document.publication_date == "2025-09-29" and signed.document.warnings == []


@pytest.mark.parametrize("scope", ["本级", "汇总", "含所属单位", "含下属单位"])
def test_a_scope_after_the_title_stays_in_the_unit_name(scope):
    """部门决算（本级） and 部门决算（汇总）: two documents of one department, named as the scope-first title does; a
    scope is no alias of the unit (（含所属单位） was stored as the alias)."""
    after = parse(with_title(f"# 武汉市数据局2024年度部门决算（{scope}）"))
    first = parse(with_title(f"# 武汉市数据局（{scope}）2024年度部门决算"))
    assert identity(after) == identity(first) and after.document.unit_name == f"武汉市数据局（{scope}）"
    assert first.document.unit_alias is None
    assert identity(after) != identity(parse(with_title("# 武汉市数据局2024年度部门决算")))


@pytest.mark.parametrize(
    ("between", "header"),
    [
        ("续上表", True),
        ("接上表", True),
        ("武汉市信息中心（武汉市大数据中心）2024 年度单位决算", True),  # the page's running title
        ("金额单位：万元", False),  # and the second part one (empty) column wider
    ],
)
def test_continuation_pages_in_other_forms(between, header):
    """Table 03 broken by a page: 续上表 / 接上表, the running title or the unit line printed again, over its header
    rows printed again or over a part a converter made a column wider (the second part was read as another table
    and its rows were lost)."""
    first, end = table_block(T03)
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    body = next(i for i in range(first, end) if "栏次" in LINES[i]) + 1
    part = LINES[first:body] + LINES[split:end] if header else [line + "\t" for line in LINES[split:end]]
    parsed = parse([*LINES[:split], "", between, "", *part, *LINES[end:]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize(
    ("caption", "replaced"),
    [
        ("2024 年度公共财政拨款支出决算表", "# 2024 年度一般公共预算财政拨款支出决算表"),  # 05 before 2015
        ("2024 年度一般公共预算支出决算表", "# 2024 年度一般公共预算财政拨款支出决算表"),
        ("2024 年度国有资本经营预算支出决算表", "2024 年度国有资本经营预算财政拨款支出决算表"),
    ],
)
def test_older_and_shorter_captions(caption, replaced):
    """Captions without 财政拨款 or with the older name 公共财政拨款 were taken for table 03."""
    parsed = parse([caption if line == replaced else line for line in LINES])
    assert [(s.table_code, s.status) for s in parsed.statuses] == [(s.table_code, s.status) for s in REAL.statuses]
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def test_table_numbers_alone_in_the_central_templates_order():
    """公开07表 over the 三公 grid (the central departments' numbering: 07 三公, 08 政府性基金, 09 国有资本经营) and
    公开09表 over the 国有资本经营 one, with no names: the 三公 header words tell the numbering (09 was read as a
    subject table 07 and 08 went missing)."""
    c8, c9 = LINES.index("2024 年度国有资本经营预算财政拨款支出决算表"), LINES.index(T09)
    narrative_at = next(i for i in range(c9, len(LINES)) if LINES[i].startswith("## 第三部分"))

    def numbered(block: list[str], number: str) -> list[str]:
        return [f"公开 {number} 表" if line.startswith("公开 0") else line for line in block[1:]]

    lines = [*LINES[:c8], *numbered(LINES[c9:narrative_at], "07"), *numbered(LINES[c8:c9], "09"), *LINES[narrative_at:]]
    parsed = parse(lines)
    assert [(s.table_code, s.status) for s in parsed.statuses] == [(s.table_code, s.status) for s in REAL.statuses]
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("whole_yuan", [False, True])
def test_a_continuation_captioned_otherwise_without_its_header(whole_yuan):
    """Table 03 broken by a page whose caption is printed again with the unit's name, over rows of amounts (also
    whole 元 grouped in thousands) and no header: the rows continue the table (they were kept apart and lost)."""
    name, caption = ("yuan-retitled.md", "表3  支出决算表") if whole_yuan else ("wuhan-info-center-2024.md", T03)
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    first, end = table_block(caption, lines)
    if whole_yuan:
        lines = [*lines[:first], *(line.replace(".00", "") for line in lines[first:end]), *lines[end:]]
    split = next(i for i in range(first, end) if lines[i].startswith("208\t"))
    unit = parse(lines).document.unit_name
    again = f"{unit} 支出决算表"
    parsed = parse([*lines[:split], "", "- 12 -", "", again, "", *lines[split:]])
    assert values(parsed) == values(parse(lines)) and parsed.document.warnings == parse(lines).document.warnings


def test_a_form_code_above_the_title_words_is_not_another_table():
    """财决01表 (a form code) in place of 公开 01 表: no words before 表, so the caption above still names the table
    (it was taken for a caption of some other table and table 01 went missing)."""
    lines = ["财决01表" if line == "公开 01 表" else line for line in LINES]
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def test_basic_expense_split_in_a_table_captioned_by_its_number_alone():
    """Table 05 captioned 公开 05 表 alone with 基本支出 over 小计 | 人员经费 | 公用经费: 人员经费 and 公用经费 in its
    header do not make it table 06 (only the 三公 words outrank a number)."""
    lines = basic_split_in_table05()
    parsed = parse([line for line in lines if line != "# 2024 年度一般公共预算财政拨款支出决算表"])
    assert [(s.table_code, s.status) for s in parsed.statuses] == [(s.table_code, s.status) for s in REAL.statuses]
    assert values(parsed)["econ"] == values(REAL)["econ"]
    named = {key: value for key, value in values(parsed)["subjects"].items() if not key[3].startswith("col")}
    assert named == values(REAL)["subjects"]  # 人员经费 under 基本支出 | 小计: unnamed (a part of the basic column)


def spaced_row(spaces: str) -> list[str]:
    """A class row of table 02 with its tabs written as ``spaces``."""
    first, end = table_block(T02)
    at = next(i for i in range(first, end) if LINES[i].startswith("201\t"))
    return [*LINES[:at], LINES[at].replace("\t", spaces), *LINES[at + 1 :]]


@pytest.mark.parametrize("spaces", ["    ", "  "])
def test_a_table_row_with_spaces_for_tabs(spaces):
    """The row was lost and the rest of table 02 read as an uncaptioned table (not read)."""
    parsed = parse(spaced_row(spaces))
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("table", [T02, T09])
def test_a_tables_last_row_with_spaces_for_tabs(table):
    """The last row of a tab grid written with spaces (four for each tab) is read as the grid's row when its cells
    are as many as the row above's (it was lost without a warning: table 09 read nothing)."""
    first, end = table_block(table)
    at = max(i for i in range(first, end) if any(map(is_printed_amount, LINES[i].split("\t"))))
    parsed = parse([*LINES[:at], LINES[at].replace("\t", "    "), *LINES[at + 1 :]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def test_a_spaced_row_whose_cells_cannot_be_placed_refuses_its_table():
    """Without its trailing spaces the row's empty cells cannot be placed: table 02 is not read (it was read
    with its first rows only)."""
    lines = spaced_row("    ")
    at = next(i for i, line in enumerate(lines) if line.startswith("201 "))
    lines[at] = lines[at].rstrip()
    parsed = parse(lines)
    assert {key: v for key, v in values(REAL)["subjects"].items() if key[0] != "02"} == values(parsed)["subjects"]
    first = table_block(T02)[0] + 1
    assert parsed.document.warnings == [
        f"table at line {first} ({T02}): the row at line {at + 1} has cells that do not fit the table's columns "
        "(separated by spaces, or more or fewer than its delimiter row's); not read as table 02",
        "table 02 收入决算表 not found",
    ]


def test_a_pipe_row_that_fits_its_tables_cells_neither_way_is_reported():
    """A row of a pipe table without outer pipes with fewer cells than its delimiter row, its first one empty: not
    read, and the table refused with the reason (the warning had spoken of cells separated by spaces)."""
    text = "# 2024 年度某单位决算公开\n\n三公经费支出决算表\n项目 | 金额 | 说明\n---|---|---\n"
    text += "合计 | 1.00 | 注\n | 2.00\n"
    doc = parse_document("pipe.md", text.encode("utf-8"))
    assert doc.warnings == [
        "table at line 4 (三公经费支出决算表): the row at line 7 has cells that do not fit the table's columns "
        "(separated by spaces, or more or fewer than its delimiter row's); not read as table 09"
    ]
    assert doc.table("09") is None


@pytest.mark.parametrize(
    "form",
    [
        lambda line: line.replace("</td>", "").replace("</tr>", ""),
        lambda line: (
            line.replace("</td>", "")
            .replace("<tr>", "\n<tr>")
            .replace("</tr>", "")
            .replace("<table>", "<table>\n<tbody>")
        ),
        lambda line: line.replace("</table>", ""),
    ],
)
def test_html_tables_with_closing_tags_left_out(form):
    """The HTML variant with no </td> and </tr> (one table a line, or a row a line in a <tbody>), or no </table>:
    the same numbers (every table was read as no rows; a table without </table> took in the lines up to the next
    table's end, the next table's caption among them)."""
    lines = (CORPUS / "html-tables.md").read_text(encoding="utf-8").splitlines()
    parsed = parse("\n".join(map(form, lines)).split("\n"))
    assert values(parsed) == values(parse(lines)) and parsed.document.warnings == []


def captions_under_their_grids(codes: set[str]) -> list[str]:
    """The real document with the caption lines of the tables ``codes`` printed under their grids, as some
    converters write them."""
    lines = LINES
    for table in REAL.document.tables:
        if table.code in codes:
            caption = LINES[table.caption_line - 1]
            start, (first, end) = lines.index(caption), table_block(caption, lines)
            lines = [*lines[:start], *lines[first:end], "", *lines[start:first], *lines[end:]]
    return lines


def test_captions_printed_under_their_grids_are_not_given_to_the_grids_below():
    """Each caption was taken for the grid below it (table 01 read the rows of table 02 …, with warnings about their
    columns at best): now no grid is read as one of the nine tables, and each is reported."""
    parsed = parse(captions_under_their_grids({t.code for t in REAL.document.tables if t.code}))
    assert [t.code for t in parsed.document.tables] == [None] * len(parsed.document.tables)
    assert all(s.status == "absent" for s in parsed.statuses) and values(parsed)["subjects"] == {}
    refused = [w for w in parsed.document.warnings if "stands right under the table" in w]
    assert len(refused) == 7 and "its caption 2024 年度收入支出决算总表 (line" in refused[0]
    assert refused[0].endswith("which has none: it may be that table's caption printed under it; not read as table 01")


def test_a_caption_printed_under_its_grid_over_another_caption():
    """Only table 03's caption under its grid: the caption nearest the next grid is its own (table 04 is read);
    table 03 is not read, and reported."""
    parsed = parse(captions_under_their_grids({"03"}))
    assert {key: v for key, v in values(REAL)["subjects"].items() if key[0] != "03"} == values(parsed)["subjects"]
    assert parsed.document.warnings == [
        "table 03 支出决算表 not found",
        f"table at line {LINES.index(T03) + 1}: amounts in a table that is neither one of the nine tables (no "
        "caption recognised) nor a performance evaluation; not read",
    ]


def test_the_rest_of_a_table_a_page_broke_does_not_take_the_caption_under_it():
    """Rows of table 02 kept apart under a running line (the unit's name without its alias, not the title's unit; no
    header of their own) right over table 03's caption: table 03 and the tables after it are read (the caption was not
    taken for the rest's one)."""
    first, end = table_block(T02)
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    parsed = parse([*LINES[:split], "", "武汉市信息中心", "", *LINES[split:]])
    assert len(parsed.subjects["02"]) < len(REAL.subjects["02"])
    assert {key: v for key, v in values(parsed)["subjects"].items() if key[0] != "02"} == {
        key: v for key, v in values(REAL)["subjects"].items() if key[0] != "02"
    }
    assert not [w for w in parsed.document.warnings if "stands right under" in w]


def test_the_units_name_alone_between_a_tables_parts_is_a_running_title():
    """A page header of the title's unit alone (武汉市信息中心（武汉市大数据中心）, no year, no 决算) between two parts
    of table 02 is left out as a running title: the table reads whole (it had kept the rest apart, unread)."""
    first, end = table_block(T02)
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    parsed = parse([*LINES[:split], "", "武汉市信息中心（武汉市大数据中心）", "", *LINES[split:]])
    assert values(parsed)["subjects"] == values(REAL)["subjects"] and parsed.document.warnings == []


T07 = "2024 年度政府性基金预算财政拨款收入支出决算表"
EMPTY_07 = "本单位无政府性基金预算财政拨款收入支出。"


@pytest.mark.parametrize("title", [T06, "2024 年度国有资本经营预算财政拨款支出决算表"])
@pytest.mark.parametrize("empty", [[T07, "公开 07 表", EMPTY_07], ["公开 07 表", T07, EMPTY_07], [T07, EMPTY_07]])
def test_a_table_number_under_an_empty_tables_caption_decides(title, empty):
    """Table 07 printed as its caption and a note (no grid) over a table captioned by its number alone: the number
    nearest the grid decides (07's title further up took the grid: table 06's panels or table 08 read as table 07;
    公开 08 表 is 07's number in the central template's order, but a note stands between)."""
    at = LINES.index(title)
    parsed = parse([*LINES[:at], *(x for line in empty for x in (line, "")), *LINES[at + 1 :]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []
    assert [t.code for t in parsed.document.tables] == [t.code for t in REAL.document.tables]


def test_a_title_and_a_number_naming_two_tables_refuse_the_grid():
    """公开 02 表 under table 03's title: which table the grid is cannot be told; not read (it was read as table 03,
    the title winning silently), and reported."""
    at = LINES.index(T03) + 2
    assert LINES[at] == "公开 03 表"
    parsed = parse([*LINES[:at], "公开 02 表", *LINES[at + 1 :]])
    assert {key: v for key, v in values(REAL)["subjects"].items() if key[0] != "03"} == values(parsed)["subjects"]
    first = table_block(T03)[0] + 1
    assert parsed.document.warnings[:2] == [
        f"table at line {first}: its caption 公开 02 表 (line {at + 1}) and the line {T03} (line {at - 1}) name "
        "different tables; not read as either",
        "table 03 支出决算表 not found",
    ]


@pytest.mark.parametrize("contents", [True, False])
def test_two_documents_in_one_file_are_refused(contents):
    """Another unit's document after the first (its title, then its contents or its table 01): its narrative
    figures, budget lines and projects were loaded as the first unit's; now nothing of the file is loaded."""
    other = [line.replace("武汉市信息中心（武汉市大数据中心）", "武汉市档案馆") for line in LINES]
    if not contents:
        other = [line for line in other if line != "# 目 录"]
    with pytest.raises(DocumentError) as refused:
        parse([*LINES, "", *other])
    title = "2024 年度武汉市档案馆决算公开"
    at = len(LINES) + 1 + other.index(f"# {title}") + 1
    assert str(refused.value) == f"two documents in one file: a second title at line {at} ({title})"


def columns_apart(caption: str, at: int, keys: int, between: str, empty_rows: bool = True) -> list[str]:
    """The grid under ``caption`` printed in two parts, its columns before ``at`` then, below ``between``, its
    ``keys`` first columns and the columns from ``at`` on (with or without its empty rows), as a page holds a wide
    table."""
    first, end = table_block(caption)
    cells = [line.split("\t") for line in LINES[first:end]]
    right = [row[:keys] + row[at:] for row in cells]
    return [
        *LINES[:first],
        *("\t".join(row[:at]) for row in cells),
        "",
        between,
        "",
        *("\t".join(row) for row in right if empty_rows or any(text.strip() for text in row)),
        *LINES[end:],
    ]


@pytest.mark.parametrize(
    ("caption", "at", "keys", "between"),
    [(T02, 7, 4, "续表"), (T09, 6, 0, "- 12 -"), (T02, 5, 0, "（续）")],
)
def test_a_table_printed_in_two_column_parts_is_joined(caption, at, keys, between):
    """Table 02's columns 事业收入 … 其他收入 (栏次 4-7) printed below the others with the code and name columns
    again, or without them, and table 09's 决算数 half below its 预算数 half: the parts' rows line up one to one, and
    the columns are joined (the second part was read as more rows, its amounts under the first part's columns)."""
    parsed = parse(columns_apart(caption, at, keys, between))
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def test_a_column_part_whose_rows_do_not_line_up_refuses_the_table():
    """Table 06's third panel (31 资本性支出 … and the 公用经费合计 amount) printed on the next page without its
    empty rows: it cannot be put beside the rows it belongs to; table 06 is not read (the panel was read as more rows
    and 公用经费合计 stored as 0)."""
    first = table_block(T06)[0]
    parsed = parse(columns_apart(T06, 6, 0, "- 9 -", empty_rows=False))
    assert parsed.econ == [] and {k: v for k, v in values(REAL).items() if k != "econ"} == {
        k: v for k, v in values(parsed).items() if k != "econ"
    }
    assert parsed.document.warnings == [
        f"table at line {first + 1} ({T06}): other columns of it printed below it at line {first + 35}, their rows "
        "not lining up with its rows; not read as table 06",
        "table 06 一般公共预算财政拨款基本支出决算表 not found",
    ]


@pytest.mark.parametrize("heading", [False, True])
def test_the_amount_unit_printed_in_the_column_headers(heading):
    """Table 05 in 元 with no 金额单位 line, the unit printed in its amount columns' headers (小计（元）…) or in a
    heading over them (金额（元）), in a document in 万元: read in 元 (it was read in 万元, 10,000 times too large)."""
    yuan = (CORPUS / "yuan-retitled.md").read_text(encoding="utf-8").splitlines()
    first, end = table_block("表5  一般公共预算财政拨款支出决算表", yuan)
    if heading:
        grid = [yuan[first].replace("本年支出", "金额（元）"), *yuan[first + 1 : end]]
    else:
        grid = [re.sub("(小计|基本支出|项目支出)", r"\1（元）", line) for line in yuan[first:end]]
    at = LINES.index(T05)
    start, stop = table_block(T05)
    unit_line = LINES[at + 4].replace("金额单位：万元", "")
    assert unit_line != LINES[at + 4]
    parsed = parse([*LINES[: at + 4], unit_line, *LINES[at + 5 : start], *grid, *LINES[stop:]])
    assert parsed.document.table("05").amount_unit == "元" and parsed.document.warnings == []
    subjects = values(parsed)["subjects"]
    assert {key: to_wan(v, "元") for key, v in subjects.items() if key[0] == "05"} == {
        key: v for key, v in values(REAL)["subjects"].items() if key[0] == "05"
    }


@pytest.mark.parametrize("header", ["经济分类\t科目名称\t决算数", "科目编码\t科目名称\t金额"])
@pytest.mark.parametrize(
    ("caption", "heading", "other"),
    [
        (f"{T06}（人员经费）", None, f"{T06}（公用经费）"),
        (T06, "一、人员经费", "二、公用经费"),  # one caption, a sub-heading over each group's grid
    ],
    ids=["caption_for_each", "sub_headings"],
)
def test_table06_printed_as_a_table_for_each_cost_group(caption, heading, other, header):
    """Table 06 as a 人员经费 table and a 公用经费 table (its two panels one under the other), the second with its
    header row worded otherwise, under a caption naming its group or a sub-heading: one table 06 (the 公用经费 table
    was kept apart and every public-use row lost; under 二、公用经费 with a warning, and table 08 refused below it)."""
    first, end = table_block(T06)
    at = LINES.index(T06)
    cells = [(line.split("\t") + [""] * 9)[:9] for line in LINES[first + 2 : end - 1]]

    def rows(start: int) -> list[str]:
        return ["\t".join(row[start : start + 3]) for row in cells if any(row[start : start + 3])]

    lines = [
        *LINES[:at],
        caption,
        *LINES[at + 1 : first],
        *([heading] if heading else []),
        "经济分类\t科目名称\t决算数",
        *rows(0),
        "人员经费合计\t\t1,250.60",
        "",
        other,
        "",
        header,
        *rows(3),
        *rows(6),
        "公用经费合计\t\t130.32",
        *LINES[end:],
    ]
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.warnings == []
    assert {r.code: r.method for r in parsed.econ} == {r.code: r.method for r in REAL.econ}


@pytest.mark.parametrize("running", ["武汉市信息中心（武汉市大数据中心）2024年度单位决算", TITLE.removeprefix("# ")])
def test_a_running_title_inside_a_table_without_its_header_again(running):
    """The document's running title (naming the unit its title names) where a page broke table 02, the rows after it
    with no header of their own: they continue the table (they were kept apart, not read: 9 of 24 rows)."""
    first, end = table_block(T02)
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    parsed = parse([*LINES[:split], "", "- 5 -", "", running, "", *LINES[split:]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


RUNNING = "武汉市信息中心（武汉市大数据中心）2024 年度单位决算"  # the real document's unit, year and 单位决算


def test_a_running_title_between_the_halves_of_a_sentence_a_page_broke():
    """The next page's running title under the page mark between the halves of a sentence: left out as the mark is,
    the halves join (it stayed a paragraph between them, and the sentences' figures were lost); a line naming
    another year is no running title and stays."""
    parsed = parse(marks_where_pages_broke(f"- 17 -\n\n{RUNNING}"))
    assert narrative(parsed) == narrative(REAL) and parsed.document.warnings == []
    other = RUNNING.replace("2024", "2023")
    assert other in [p.text for p in parse(marks_where_pages_broke(f"- 17 -\n\n{other}")).document.paragraphs]


@pytest.mark.parametrize("mark", [RUNNING, f"{RUNNING}\n\n17"])
def test_a_running_title_with_no_page_mark_between_the_halves_of_a_sentence(mark):
    """The running title with no page mark over it (or the page number under it) between the halves of a sentence:
    left out, the halves join (it stayed a paragraph between them: a sentence's figure lost); the document's title
    after a bare number kept as text (2024) stays (it was left out as under a page mark)."""
    parsed = parse(marks_where_pages_broke(mark))
    assert narrative(parsed) == narrative(REAL) and parsed.document.warnings == []
    at = LINES.index("## 二、机构设置情况")
    texts = [p.text for p in parse([*LINES[:at], "2024", "", RUNNING, "", *LINES[at:]]).document.paragraphs]
    assert texts[texts.index("2024") + 1] == RUNNING


@pytest.mark.parametrize("mark", ["— 15 —", "15"])
def test_a_running_title_over_a_page_mark_between_whole_paragraphs(mark):
    """The running title with the page mark under it (a page's footer) between two paragraphs, the one above ending
    its sentence: left out as the mark is (it stayed a paragraph and was glued to the next paragraph's first words:
    the budget line's class read as the title and （2）社会保障和就业支出, its code unresolved)."""
    at = next(k for k, line in enumerate(LINES) if line.startswith("（2）社会保障和就业支出（类）"))
    assert LINES[at - 2].endswith("。")
    parsed = parse([*LINES[:at], f"{RUNNING}公开", "", mark, "", *LINES[at:]])
    assert narrative(parsed) == narrative(REAL) and parsed.document.warnings == []


# What a page break leaves between a table's parts: the page mark and the running title, the running title alone
# (its page mark left out by the converter) or over the page number (a footer).
BREAKS = [["- 5 -", "", RUNNING], [RUNNING], [RUNNING, "", "5"]]


@pytest.mark.parametrize("between", BREAKS)
def test_a_running_title_over_the_rest_of_a_name_a_page_broke(between):
    """Table 03 broken by a page inside the name 事业运行 (its rest on the next page, as a Word row allowed to break
    prints it), the page mark and the running title between: the rest continues the table (it was read as a table
    of its own and refused: 2010350 lost its name and 2010399 … 2210203 were not read; so still with no page mark
    over the running title)."""
    first, end = table_block(T03)
    at = next(i for i in range(first, end) if "\t事业运行\t" in LINES[i])
    head, rest = LINES[at].replace("事业运行", "事业"), "\t运行" + "\t" * (LINES[at].count("\t") - 1)
    parsed = parse([*LINES[:at], head, "", *between, "", rest, *LINES[at + 1 :]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("between", BREAKS)
def test_a_running_title_inside_an_evaluation_table(between):
    """An evaluation table (no 公开 caption) broken by a page after its 主管部门 row, the page mark and the running
    title between: the evaluation is read whole (its rest was refused as amounts in no table: the evaluation lost;
    so still with no page mark over the running title)."""
    at = next(i for i, line in enumerate(LINES) if line.startswith("主管部门") and "\t项目实施单位\t" in line)
    parsed = parse([*LINES[: at + 1], "", *between, "", *LINES[at + 1 :]])
    assert evaluations(parsed) == evaluations(REAL) and parsed.document.warnings == []


NOTE = (
    "注：本表反映单位本年度取得的各项收入情况，包括一般公共预算财政拨款收入、政府性基金预算财政拨款收入、"
    "国有资本经营预算财政拨款收入、上级补助收入等。"
)


@pytest.mark.parametrize("caption", [T02, T09])
def test_a_long_note_between_a_caption_and_its_grid(caption):
    """A note of more than 60 characters under a table's caption lines (a template's explanation of the table): the
    caption search stopped at it (table 02 uncaptioned, tables 03 and 04 refused as captions right under it; table
    09's 金额单位 lost)."""
    first, _ = table_block(caption)
    parsed = parse([*LINES[:first], NOTE, "", *LINES[first:]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def table01_broken_at_an_empty_line(running: str) -> list[str]:
    """The real document with a page break in table 01 before its line 15 (a row number and two labels, no amount)
    and ``running`` over the new page."""
    first, end = table_block(T01)
    split = next(i for i in range(first, end) if LINES[i].startswith("\t15\t"))
    assert not any(map(is_printed_amount, LINES[split].split("\t")))
    return [*LINES[:split], "", "- 3 -", "", running, "", *LINES[split:]]


def test_a_running_title_over_a_table_row_without_amounts():
    """The rest of table 01 after the running title, its first row with no amount (no header either): it continues
    the table (it was kept apart, and tables 02, 03 and 04 refused as captioned right under it)."""
    parsed = parse(table01_broken_at_an_empty_line(TITLE.removeprefix("# ")))
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def test_the_rest_of_a_table_starting_without_amounts_does_not_take_the_caption_under_it():
    """The rest of table 01 kept apart under a line that is no running header (the unit's name alone), its first row
    with no amount: the tables after it are read (each caption was refused as right under the grid before)."""
    parsed = parse(table01_broken_at_an_empty_line("武汉市信息中心（武汉市大数据中心）"))
    assert values(parsed)["subjects"] == values(REAL)["subjects"]
    assert not [w for w in parsed.document.warnings if "stands right under" in w]


@pytest.mark.parametrize("unit", [" 金额单位: 万元", "（金额单位：万元）"])
def test_the_amount_unit_in_the_cell_of_a_column_header(unit):
    """金额单位 merged into the last column's header cell (其他收入 金额单位: 万元): the column keeps its name (the
    whole cell was blanked: 其他收入 read under no name, its amounts in no fact)."""
    at = LINES.index(T02)
    unit_line = next(i for i in range(at, len(LINES)) if LINES[i].startswith("金额单位"))
    first, _ = table_block(T02)
    assert LINES[first].endswith("\t其他收入")
    parsed = parse([*LINES[:unit_line], *LINES[unit_line + 1 : first], LINES[first] + unit, *LINES[first + 1 :]])
    columns = {key for r in parsed.subjects["02"] for key in r.amounts}
    assert "other" in columns and columns == {key for r in REAL.subjects["02"] for key in r.amounts}
    assert parsed.document.table("02").amount_unit == "万元"
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("name", ["武汉市人大代表联络服务中心", "武汉市表演艺术中心"])
def test_a_units_name_holding_the_character_of_a_table(name):
    """表 in a unit's name (人大代表, 表演) does not make its title a table's caption (the document was refused: no
    title found)."""
    text = "\n".join(LINES).replace("武汉市信息中心", name)
    parsed = parse(text.split("\n"))
    assert (parsed.document.unit_name, parsed.document.fiscal_year) == (name, 2024)
    assert values(parsed) == values(REAL)


UNIT = "武汉市信息中心（武汉市大数据中心）"


@pytest.mark.parametrize(
    ("caption", "rest", "code"),
    [
        (T05, "支出决算表", "05"),
        (T06, "支出决算明细表", "06"),
        ("2024 年度财政拨款收入支出决算总表", "款收入支出决算总表", "04"),
        ("2024 年度财政拨款收入支出决算总表", "入支出决算总表", "04"),
        (T09, "支出决算表", "09"),
        (T02, "入决算表", "02"),
    ],
)
@pytest.mark.parametrize("gap", [[], [""]])
def test_a_table_title_wrapped_over_two_lines(caption, rest, code, gap):
    """A table's title naming the unit, wrapped over two lines (one paragraph or two) where its second line alone names
    another table (支出决算表: 03, 款收入支出决算总表: 01), also inside a word the name's variants leave out
    (收 | 入支出…): the lines are one title, naming the table its number does (tables 05, 06, 04 and 09 were refused:
    their title and 公开 number named different tables)."""
    title = caption.removeprefix("# ").replace("2024 年度", f"2024 年度{UNIT}")
    at = LINES.index(caption)
    parsed = parse([*LINES[:at], title.removesuffix(rest), *gap, rest, *LINES[at + 1 :]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []
    assert parsed.document.table(code).caption == title


@pytest.mark.parametrize("caption", [T01, T03])
@pytest.mark.parametrize("running", [[], [RUNNING, ""]])
def test_a_page_break_inside_a_tables_header_rows(caption, running):
    """Table 01 or 03 broken by a page after its first header row (no 栏次 row, no amount above the break), the page
    mark and perhaps the running title between: the rows after it are the rest of its header (both were refused as
    other columns of the table printed below it)."""
    first, _ = table_block(caption)
    parsed = parse([*LINES[: first + 1], "", "- 5 -", "", *running, *LINES[first + 1 :]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("heading", ["九、“三公”经费支出情况", "政府性基金预算财政拨款"])
def test_a_line_over_a_whole_table_title_is_not_its_first_half(heading):
    """A line with no 表 naming another table's words (三公, 政府性基金) right over a table's title that starts with
    its year: no wrapped title's halves (a title wraps at its end); table 02 is read (joined, it named table 09 or 07
    and was refused)."""
    at = LINES.index(T02)
    parsed = parse([*LINES[:at], heading, "", *LINES[at:]])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("number", ["公开 04 表", None])
@pytest.mark.parametrize(
    "heading", ["（三）“三公”经费", "七、政府性基金预算财政拨款收入支出决算情况说明", "政府性基金预算"]
)
def test_a_heading_over_a_title_without_its_year_is_not_its_first_half(heading, number):
    """A heading naming another table's words over table 04's title printed without its year (财政拨款收入支出决算总表)
    and with its 公开 number or none: table 04's name does not end the heading's words (no 三公 in it, no 总 in 07's)
    and the heading holds 决算 before its end: table 04 is read (joined, with its number it was refused, without it
    it was read as table 07, or as table 09 and kept apart for the real one)."""
    at = LINES.index("2024 年度财政拨款收入支出决算总表")
    rest = [line for line in LINES[at + 1 :] if number or line != "公开 04 表"]
    parsed = parse([*LINES[:at], heading, "", "财政拨款收入支出决算总表", *rest])
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize(
    ("pieces", "place"),
    [
        (("<b>", "本年支出合计</b"), 0),
        (("<b>本年支出合计</", "b>"), 0),
        (("<b>本年", "支出合计<", "/b>"), 0),
        (("<b", ">本年支出合计</b>"), 0),
        (("<b>本年", "支出合计</b"), 1),
        (("<b>", "本年支出合计", "</b"), 2),
    ],
)
def test_a_tag_cut_by_a_row_break_in_a_label_written_a_row_per_line(pieces, place):
    """Table 04's bold label written a row per line (行次 and amounts beside the line ``place``), its tag cut where a
    line ends (<b> | 59 | 3,797.75 over 本年支出合计</b): the tag's pieces are no text of the label (its rest had been
    joined down to 年末财政拨款结转和结余, the this-year total read as that line's 20.00, silently), and the label
    of the line below, written a row per line too, stays that line's."""
    first, end = table_block(T04)
    at = next(i for i in range(first, end) if "<b>本年支出合计</b>" in LINES[i])
    cells = LINES[at].split("\t")
    tall = [
        "\t".join([*cells[:3], piece, *cells[4:]] if k == place else ["", "", "", piece])
        for k, piece in enumerate(pieces)
    ]
    carryover = LINES[at + 1].replace("年末财政拨款结转和结余\t60\t\t\t", "政拨款结转和结余\t60\t20.00\t20.00\t")
    parsed = parse([*LINES[:at], *tall, "\t\t\t年末财", carryover, *LINES[at + 2 :]])
    read = {(t.line_item, t.column_key): t.amount for t in parsed.totals["04"] if t.name_raw}
    assert [read[item, "total"] for item in ("expense_this_year_total", "carryover_end")] == [3797.75, 20]
    assert parsed.document.warnings == []


def test_table04s_header_names_its_funds_beside_its_sides():
    """Of two tables captioned as table 04, the one whose header has two sides and the funds is read: table 01's
    header (two sides, no funds) no longer fits table 04 (they had been told apart by nothing)."""
    grids = {t.code: t.rows for t in REAL.document.tables if t.code in ("01", "04")}
    assert [_header_fits(code, grids[table]) for code in ("01", "04") for table in ("01", "04")] == [
        True,
        True,
        False,
        True,
    ]


def pipe_tables(header=None, index=False, outer=True) -> list[str]:
    """The real document with every grid a pipe table: without outer pipes (a | b, ---|---), or under a header row
    ``header(width)`` a converter made up, with a DataFrame's index column (0, 1, 2 …) before it."""

    def render(rows: list[list[str]]) -> list[str]:
        width = max(map(len, rows))
        rows = [r + [""] * (width - len(r)) for r in rows]
        if header:
            rows = [header(width), *rows]
        if index:
            rows = [["", *rows[0]], *([str(k), *r] for k, r in enumerate(rows[1:]))]
        lines = [" | ".join(r) for r in rows]
        rule = " | ".join(["---"] * len(rows[0]))
        return [f"| {line} |" if outer else line for line in [lines[0], rule, *lines[1:]]]

    return steps._syntax("\n".join(LINES), render).split("\n")


@pytest.mark.parametrize(
    "lines",
    [
        pytest.param(pipe_tables(outer=False), id="no outer pipes"),
        pytest.param(pipe_tables(lambda width: list(map(str, range(width))), index=True), id="DataFrame.to_markdown"),
        pytest.param(pipe_tables(lambda width: list(map(str, range(width)))), id="numbered header"),
        pytest.param(pipe_tables(lambda width: [f"Column{k + 1}" for k in range(width)]), id="Column1 … ColumnN"),
        pytest.param(pipe_tables(lambda width: [""] * width, index=True), id="index under an empty header"),
    ],
)
def test_pipe_tables_as_converters_write_them(lines):
    """A table without outer pipes had read a row beginning and ending with an empty cell one column left (table
    03's 合计 total as its basic amount); a DataFrame's index and made-up column names had read as a column and as the
    栏次 row (table 03's columns shifted, table 09's items lost), all without a warning."""
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def test_narrative_in_pandocs_markdown():
    """pandoc writes a line break as a backslash ending the line and escapes ASCII punctuation (1\\. 因公出国\\(境\\)):
    the narrative's figures are read as from the plain text (17 statements and the percentages had been lost)."""

    def pandoc(line: str) -> list[str]:
        line = re.sub(r"^(\d+)\.", r"\1\\.", line).replace("(", "\\(").replace(")", "\\)")
        return line.replace("，", "，\\\n").split("\n")

    lines = [part for line in LINES for part in ([line] if "\t" in line or line[:1] in "#<" else pandoc(line))]
    parsed = parse(lines)
    assert narrative(parsed)[:3] == narrative(REAL)[:3] and parsed.document.warnings == []


def word_runs(cell: str) -> str:
    half = len(cell) // 2
    return f'<span style="font-size:9pt">{cell[:half]}</span><span lang="EN-US">{cell[half:]}</span>'


def wrapped(cell: str) -> str:
    return f"{cell[: len(cell) // 2]}<br/>{cell[len(cell) // 2 :]}" if len(cell) > 8 else cell


@pytest.mark.parametrize(("cell", "pipe"), [(word_runs, False), (wrapped, False), (wrapped, True)])
def test_cells_as_word_and_converters_write_them(cell, pipe):
    """Word's HTML writes a cell's text over several <span> runs (3,79 | 7.75; 一般公共 | 服务支出): every amount
    had read as two words, no number, the tables' totals lost. A long name wrapped by a <br> (其他技术与研<br/>究与开发
    支出) had read with a space in it, another name than table 05's."""

    def render(rows: list[list[str]]) -> list[str]:
        if pipe:
            lines = ["| " + " | ".join(map(cell, r)) + " |" for r in rows]
            return [lines[0], "|" + "---|" * max(map(len, rows)), *lines[1:]]
        return [
            "<table>" + "".join("<tr>" + "".join(f"<td>{cell(c)}</td>" for c in r) + "</tr>" for r in rows) + "</table>"
        ]

    parsed = parse(steps._syntax("\n".join(LINES), render).split("\n"))
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def units_under_grids(lines: list[str]) -> list[str]:
    """Each table's 金额单位 printed under its grid (above its notes) instead of over it."""
    lines = list(lines)
    for first, end in reversed(steps._blocks(lines)):
        above = next((j for j in range(first - 1, max(first - 8, 0), -1) if "金额单位" in lines[j]), None)
        if above is not None and (m := re.search(r"\s*金额单位\s*[:：]\s*(万元|元)", lines[above])):
            lines[above] = lines[above].replace(m.group(0), "")
            lines[end:end] = ["", f"金额单位：{m.group(1)}"]
    return lines


@pytest.mark.parametrize("mixed", [False, True])
def test_an_amount_unit_printed_under_its_grid_is_its_tables(mixed):
    """金额单位 printed under each grid: it is that table's, not the next one's (with tables 01-04 in 元 and the rest
    in 万元, table 05 had taken 元 from under table 04, silently: 3,797.75 万元 read as 0.379775 万元; table 01, with
    no unit over it, had been assumed to be in 万元 with a warning)."""
    text = "\n".join(LINES)
    if mixed:  # tables 01-04 in 元: to_yuan keeps every line where it is
        at = LINES.index(T05)
        text = "\n".join([*steps.to_yuan(text).split("\n")[:at], *LINES[at:]])
    parsed = parse(units_under_grids(text.split("\n")))
    units = {t.code: t.amount_unit for t in parsed.document.tables if t.code}
    assert units == {code: "元" if mixed and code < "05" else "万元" for code in units}
    assert len(units) == 8 and not any("金额单位" in w for w in parsed.document.warnings)


@pytest.mark.parametrize(
    "statement",
    [
        lambda heading: [heading, "", "金额单位：元"],
        lambda heading: [f"{heading}（金额单位：元）"],
        lambda heading: [heading, "", "注：以下表格金额单位均为元。"],
    ],
    ids=["line", "heading", "sentence"],
)
def test_an_amount_unit_stated_once_for_all_tables(statement):
    """Tables in 元 with no 金额单位 of their own, the unit stated once before them: the tables are read in 元, with
    the warning naming where (they had been assumed to be in 万元: every amount 10,000 times too large)."""
    lines = re.sub(r"\s*金额单位\s*[:：]\s*元", "", steps.to_yuan("\n".join(LINES))).split("\n")
    at = next(i for i, line in enumerate(lines) if line.startswith("## 第二部分"))
    parsed = parse([*lines[:at], *statement(lines[at]), *lines[at + 1 :]])
    assert parsed.amount_unit == "元"
    assert parsed.document.warnings == [
        "tables 01, 02, 03, 04, 05, 06, 08, 09: no 金额单位 found, assuming 元 (the unit the document states for its "
        f"tables at line {at + (1 if len(statement('')) == 1 else 3)})"
    ]


def test_the_next_tables_caption_line_under_a_grid_is_not_its_unit():
    """Table 08 stating no 金额单位, followed by table 09's 单位：… 金额单位：元 line printed above 09's title: the line
    is 09's caption, not 08's footer (08 had taken 元 and 09 been assumed in 万元: its 元 read 10,000 times too
    large)."""
    at = LINES.index(T09)
    unit = next(i for i in range(at, at + 6) if LINES[i].startswith("单位："))
    before = next(i for i in range(at - 1, 0, -1) if LINES[i].startswith("单位："))  # table 08's caption line
    lines = list(LINES)
    lines[before] = lines[before].split("2024")[0].rstrip()
    lines[unit] = lines[unit].replace("万元", "元")
    lines = [*lines[:at], lines[unit], "", *lines[at:unit], *lines[unit + 1 :]]
    units = {t.code: t.amount_unit for t in parse(lines).document.tables if t.code}
    assert (units["08"], units["09"]) == (None, "元")


@pytest.mark.parametrize("line", ["填表单位：元氏县农业农村局", "决算表编制单位：元江县教育局"])
def test_a_place_name_after_unit_is_no_amount_unit(line):
    """No table stating its 金额单位 and a caption line naming a body whose name begins with 元 (元氏县): no unit
    stated for the tables (it had been read as 元 for every table: 3,797.75 万元 as 0.379775)."""
    lines = re.sub(r"\s*金额单位[:：]\s*万元", "", "\n".join(LINES)).split("\n")
    at = lines.index("单位：武汉市信息中心（武汉市大数据中心）")
    parsed = parse([*lines[:at], line, *lines[at + 1 :]])
    assert parsed.amount_unit == "万元"
    assert parsed.document.warnings[0] == "tables 01, 02, 03, 04, 05, 06, 08, 09: no 金额单位 found, assuming 万元"
