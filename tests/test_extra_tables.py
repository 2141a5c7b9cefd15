"""Tables beyond the nine that other offices print (机关运行经费, 专项资金, 项目支出, 政府采购, 国有资产 …), placed
in the real document before table 01, among the nine, after table 09 and after the evaluations: each is another table
(no code, one warning naming its caption), and the nine tables' staging rows stay as in the document without it."""

from __future__ import annotations

from functools import cache

import pytest

from loaders.document import OTHER, Table, _title_name, parse_document
from loaders.pipeline import ParsedDocument, interpret
from loaders.staging import columns, rows_for
from loaders.text import norm

from . import steps
from .conftest import CORPUS, REAL

TEXT = (CORPUS / REAL).read_text(encoding="utf-8")
NINE = ("document_tables", "subject_lines", "econ_lines", "totals_lines", "three_public_lines")
UNIT = "单位：武汉市信息中心（武汉市大数据中心）      2024 年度      金额单位：万元"
# Title, number line and grid of each table (tab-separated), as other offices print them.
EXTRAS = {
    "机关运行经费支出决算表": ("公开 10 表", ["项目\t决算数", "栏次\t1", "合计\t12.34", "办公费\t12.34"]),
    "专项资金支出决算表": (None, ["科目编码\t科目名称\t金额", "栏次\t\t1", "\t合计\t5.00", "2010350\t事业运行\t5.00"]),
    "项目支出决算表": (
        "附表10",
        ["项目名称\t预算数\t决算数", "栏次\t1\t2", "合计\t584.81\t584.81", "电子政务外网服务升级项目\t584.81\t584.81"],
    ),
    "一般公共预算财政拨款项目支出决算表": (
        "表10",
        ["科目编码\t科目名称\t项目名称\t金额", "栏次\t\t\t1", "\t合计\t\t5.00", "2010350\t事业运行\t外网升级\t5.00"],
    ),
    "政府采购情况表": (None, ["项目\t货物\t工程\t服务\t合计", "栏次\t1\t2\t3\t4", "金额\t1.00\t0.00\t2.00\t3.00"]),
    "国有资产占用情况表": ("公开 11 表", ["项目\t行次\t数量\t金额", "栏次\t\t1\t2", "车辆\t1\t2\t30.00"]),
    "政府性基金预算财政拨款“三公”经费支出决算表": (
        None,
        [
            "预算数\t\t\t\t\t\t决算数\t\t\t\t\t",
            "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t合计\t因公出国（境）费\t"
            "公务用车购置及运行维护费\t\t\t公务接待费",
            "\t\t小计\t公务用车购置\t公务用车运行\t\t\t\t小计\t公务用车购置\t公务用车运行\t",
            "\t".join(map(str, range(1, 13))),
            "1.00\t\t1.00\t\t1.00\t\t1.00\t\t1.00\t\t1.00\t",
        ],
    ),
    "财政专户管理资金收入支出决算表": ("公开 10 表", ["项目\t金额", "栏次\t1", "收入合计\t3.00", "支出合计\t3.00"]),
    "非税收入决算表": (None, ["项目\t金额", "合计\t3.00", "行政事业性收费\t3.00"]),
    # a title whose words end in table 03's name, numbered beyond the nine
    "住房改革支出决算表": ("表10", ["科目编码\t科目名称\t金额", "栏次\t\t1", "\t合计\t5.00", "2210201\t公积金\t5.00"]),
}
# Tables whose titles name one of the nine (its words before the name no kind of money's), their headers not its.
NAMING = {
    "住房公积金支出决算表": (None, ["科目编码\t科目名称\t金额", "栏次\t\t1", "\t合计\t5.00", "2210201\t公积金\t5.00"])
}
PLACES = ("contents", "before 01", "between 02 and 03", "after 09", "appendix")


def place(lines: list[str], where: str) -> int:
    """The index of the line the extra table goes before."""
    starts = [k for k, line in enumerate(lines) if line.startswith("## 第三部分")]
    return {
        "contents": starts[0],  # in the contents (目录), above the document's first table
        "before 01": lines.index("2024 年度收入支出决算总表"),
        "between 02 and 03": lines.index("2024 年度支出决算表"),
        "after 09": starts[1],
        "appendix": len(lines),
    }[where]


def extra_lines(name: str, retitled: bool) -> list[str]:
    """The table ``name`` with its caption (as the retitle step prints it: 表10  name on one line), unit line and
    note."""
    number, grid = (EXTRAS | NAMING)[name]
    if retitled:
        caption = [f"{number.replace('公开', '表').replace(' ', '') if number else ''}  {name}".strip()]
    else:
        caption = [f"2024 年度{name}", *(["", number] if number else [])]
    return [*caption, "", UNIT, "", *grid, "", f"注：本表反映单位本年度{name.removesuffix('表')}情况。", ""]


def staged(parsed: ParsedDocument, at: int = 0, shift: int = 0) -> dict[str, list[tuple]]:
    """The nine tables' staging rows, their line numbers after line ``at`` moved back by ``shift``."""
    rows = rows_for(parsed)
    out = {}
    for name in NINE:
        lines = [k for k, column in enumerate(columns(name)) if column.endswith("_line")]
        out[name] = [
            tuple(v - shift if k in lines and v is not None and v > at else v for k, v in enumerate(row))
            for row in rows[name]
        ]
    return out


def parse(text: str) -> ParsedDocument:
    return interpret(parse_document("extra.md", text.encode("utf-8")))


@cache
def without(form: tuple[str, ...]) -> ParsedDocument:
    return parse(steps.apply(TEXT, list(form)))


def read_apart(name: str, where: str, form: tuple[str, ...] = ()) -> tuple[ParsedDocument, Table, list[str]]:
    """The extra table ``name`` at ``where`` in the real document made in ``form``: the nine tables staged as
    without it, the grid read as no table's; the document, the table and the warnings it brings."""
    lines = TEXT.split("\n")
    at = place(lines, where)
    text = steps.apply("\n".join([*lines[:at], *extra_lines(name, "retitle" in form), *lines[at:]]), list(form))
    base = without(form)
    before, after = steps.apply(TEXT, list(form)).split("\n"), text.split("\n")
    first = next((k for k, line in enumerate(before) if line != after[k]), len(before))  # its first line - 1
    shift = len(after) - len(before)
    parsed = parse(text)
    assert staged(parsed, first + shift, shift) == staged(base)
    tables = [t for t in parsed.document.tables if first < t.first_line <= first + shift]
    assert [t.code for t in tables] == [None]
    (table,) = tables
    return parsed, table, [w for w in parsed.document.warnings if w not in base.document.warnings]


def check(name: str, where: str, form: tuple[str, ...] = ()) -> None:
    """The extra table ``name`` at ``where``: read as another table, reported once by its caption."""
    _, table, warnings = read_apart(name, where, form)
    assert name in table.caption or table.caption == EXTRAS[name][0]
    assert warnings == [
        *(
            [
                f"table at line {table.first_line}: its caption {table.caption} (line {table.caption_line}) and the "
                f"line 2024 年度{name} (line {table.caption_line - 2}) name different tables; not read as either"
            ]
            if name not in table.caption
            else []
        ),
        f"table at line {table.first_line} ({table.caption}): amounts in a table that is neither one of the nine "
        "tables nor a performance evaluation; not read",
    ]


@pytest.mark.parametrize("where", PLACES)
@pytest.mark.parametrize("name", EXTRAS)
def test_another_table_among_the_nine(name, where):
    """机关运行经费支出决算表 (and 专项资金…, 财政专户管理资金收入支出决算表, 非税收入决算表 …) was read by its last
    words as table 03 (01, 02), the real table refused where it came before it, kept apart as 'naming table 03 again'
    after it; a fund's own 三公 table was read as table 09 (or merged into it); 住房改革支出决算表 numbered 10 as table
    03; every other table was reported with no caption."""
    check(name, where)


@pytest.mark.parametrize("form", [("to_html",), ("to_pipe",), ("retitle",), ("to_yuan",), ("split_codes", "to_pipe")])
@pytest.mark.parametrize("name", EXTRAS)
def test_another_table_in_other_forms(name, form):
    """The same before table 01 in HTML and pipe tables, under captions 表10  name, with amounts in 元, codes split."""
    check(name, "before 01", form)


@pytest.mark.parametrize("where", PLACES)
def test_a_table_naming_one_of_the_nine(where):
    """住房公积金支出决算表 (no number; its words name table 03, its header 金额 only) before table 03 was read as table
    03 and the real one kept apart; the table whose header names table 03's columns is read, whichever comes first."""
    parsed, table, warnings = read_apart("住房公积金支出决算表", where)
    named = f"table at line {table.first_line} ({table.caption}): names table 03"
    assert warnings == [
        f"{named} again without continuing it; kept apart, not read as table 03"
        if where in ("after 09", "appendix")
        else f"{named} as the table at line {parsed.document.table('03').first_line} does, whose header names table "
        "03's columns; kept apart, not read as table 03"
    ]


@pytest.mark.parametrize(
    ("title", "code"),
    [
        ("2024 年度政府性基金收入支出决算表", "07"),
        ("2024 年度政府性基金支出决算表", "07"),
        ("2024 年度政府性基金预算财政拨款收入支出决算表", "07"),
        ("2024 年度社保基金收入支出决算表", OTHER),
    ],
)
def test_a_government_fund_table_named_without_its_budget(title, code):
    """政府性基金收入支出决算表 (without 预算财政拨款, as some offices name table 07) is table 07, not a table
    beyond the nine (基金 before 收入支出决算表 had made it OTHER; without that, table 01)."""
    assert _title_name(norm(title)) == code
