"""Layouts the corpus does not show, made from the real document: the numbers must not change."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from loaders.document import parse_document
from loaders.pipeline import interpret
from loaders.reference import function_subjects
from loaders.text import norm, parse_amount, to_wan

from .conftest import CORPUS, DOCUMENTS, REAL, build_warehouse, query, truth

LINES = (CORPUS / REAL).read_text(encoding="utf-8").splitlines()
TRUTH = truth(REAL)


def table_block(caption: str, lines: list[str] = LINES) -> tuple[int, int]:
    """(first, end) line indexes of the grid that follows ``caption``."""
    start = lines.index(caption)
    first = next(i for i in range(start, len(lines)) if "\t" in lines[i])
    end = next(i for i in range(first, len(lines)) if "\t" not in lines[i])
    return first, end


def leaves(text: str) -> dict[str, dict[str, Decimal]]:
    parsed = interpret(parse_document("layout.md", text.encode("utf-8")))
    out: dict[str, dict[str, Decimal]] = {}
    for r in parsed.subjects["03"]:
        if r.is_leaf:
            out[r.code] = {k: v[0] for k, v in r.amounts.items() if k in ("total", "basic", "project")}
    return out


def expected_leaves() -> dict[str, dict[str, Decimal]]:
    return {c: {k: Decimal(str(v)) for k, v in parts.items()} for c, parts in TRUTH["expense_leaf_all_funds"].items()}


def continued_table03() -> list[str]:
    """Table 03 broken by a page: 续表 caption, header rows repeated, one name wrapped onto the next row."""
    first, end = table_block("2024 年度支出决算表")
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    header = LINES[first : first + 3]
    wrapped = []
    for line in LINES[split:end]:
        cells = line.split("\t")
        if cells[1] == "机关事业单位基本养老保险缴":
            cells[1] = "机关事业单位基本养老"
            wrapped += ["\t".join(cells), "\t保险缴\t\t\t\t\t\t\t\t"]
        else:
            wrapped.append(line)
    return [*LINES[:split], "", "续表", "", *header, *wrapped, *LINES[end:]]


def dashes_for_blanks() -> list[str]:
    first, end = table_block("2024 年度支出决算表")
    body = []
    for i, line in enumerate(LINES):
        if first + 3 < i < end:
            cells = line.split("\t")
            line = "\t".join(c if c or k < 4 or k > 8 else ("-" if k % 2 else "0.00") for k, c in enumerate(cells))
        body.append(line)
    return body


def numbered_captions() -> list[str]:
    """Title lines dropped: tables captioned only '附表N' (number, no name)."""
    out = []
    for line in LINES:
        if line.startswith("公开 0") and line.endswith(" 表"):
            line = "附表" + str(int(line.split()[1]))
        elif line.startswith("2024 年度") and line.endswith("表") and len(line) < 40:
            continue
        out.append(line)
    return out


def page_break_in_table03(between: list[str]) -> list[str]:
    """Table 03 broken by a page with ``between`` (a page number, the caption printed again) and its header
    rows repeated, without a 续表 marker."""
    first, end = table_block("2024 年度支出决算表")
    split = next(i for i in range(first, end) if LINES[i].startswith("208\t"))
    return [*LINES[:split], "", *between, "", *LINES[first : first + 3], *LINES[split:]]


def page_number() -> list[str]:
    return page_break_in_table03(["- 5 -"])


def page_footer() -> list[str]:
    return page_break_in_table03(["第 5 页，共 20 页"])


def caption_printed_again() -> list[str]:
    return page_break_in_table03(["2024 年度支出决算表（续）", "", "公开 03 表"])


def unit_lines_again() -> list[str]:
    """The page's running header (unit name, year, 金额单位) printed again above the second part."""
    return page_break_in_table03(["单位：武汉市信息中心", "", "2024 年度", "", "金额单位：万元"])


def code_and_name_in_one_cell(lines: list[str] = LINES) -> list[str]:
    """Subject rows with the code and the name merged into one cell (2010350 事业运行), the name cell left blank."""
    return [re.sub(r"^(\d{3}|\d{5}|\d{7})\t([^\t\d][^\t]*)\t", r"\1 \2\t\t", line) for line in lines]


def no_column_numbers() -> list[str]:
    """Subject tables printed without their 类/款/项/栏次 1…n row (the amount columns named by header words only)."""
    return [line for line in LINES if not line.startswith("类\t款\t项\t栏次")]


@pytest.mark.parametrize(
    "layout",
    [
        continued_table03,
        dashes_for_blanks,
        numbered_captions,
        page_number,
        page_footer,
        caption_printed_again,
        unit_lines_again,
        code_and_name_in_one_cell,
        no_column_numbers,
    ],
)
def test_layout_keeps_numbers(layout):
    assert leaves("\n".join(layout())) == expected_leaves()


def test_continuation_rows_and_wrapped_name():
    parsed = interpret(parse_document("layout.md", "\n".join(continued_table03()).encode("utf-8")))
    rows = parsed.subjects["03"]
    names = {r.code: r.name_raw for r in rows}
    assert names["2080505"] == "机关事业单位基本养老保险缴"
    assert len(rows) == 24  # the repeated header rows were not read as data


def test_numbered_captions_find_every_table():
    doc = parse_document("layout.md", "\n".join(numbered_captions()).encode("utf-8"))
    assert sorted(t.code for t in doc.tables if t.code) == ["01", "02", "03", "04", "05", "06", "08", "09"]


def test_subject_tables_without_column_numbers_keep_every_amount():
    def amounts(lines: list[str]) -> dict:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return {
            (code, r.printed_code, r.name_raw, key): value[0]
            for code, rows in parsed.subjects.items()
            for r in rows
            for key, value in r.amounts.items()
            if value[0]
        }

    without = amounts(no_column_numbers())
    assert len(no_column_numbers()) < len(LINES)
    assert without == amounts(LINES) and {code for code, *_ in without} == {"02", "03", "05"}


def _two_sided_and_09(parsed) -> tuple[dict, dict]:
    totals = {
        (code, line.side, line.name_raw, line.line_item, line.column_key, line.column_no): line.amount
        for code, lines in parsed.totals.items()
        for line in lines
    }
    three_public = {(c.measure, c.item, c.column_no): c.amount for c in parsed.three_public}
    return totals, three_public


@pytest.mark.parametrize("name", DOCUMENTS)
def test_totals_and_three_public_tables_without_column_numbers_keep_every_amount(name):
    """Tables 01, 04 (two-sided: amount columns per side) and 09 printed without their 栏次 / 1…n row."""
    data = (CORPUS / name).read_bytes()
    printed = _two_sided_and_09(interpret(parse_document(name, data)))
    doc = parse_document(name, data)
    for table in doc.tables:
        if table.code in ("01", "04", "09"):
            kept = [r for r in table.rows if not (r and norm(r[0].text) in ("栏次", "1"))]
            assert len(kept) < len(table.rows)
            table.rows = kept
    parsed = interpret(doc)
    totals, three_public = _two_sided_and_09(parsed)
    assert totals == printed[0] and three_public == printed[1]
    assert {code for code, *_ in totals} == {"01", "04"} and len(three_public) == 12
    t = truth(name)
    actual = to_wan(three_public[("actual", "total", 7)], parsed.amount_unit)
    assert actual == Decimal(str(t["three_public"]["actual_total"]))
    income = {k[3]: v for k, v in totals.items() if k[0] == "01" and k[1] == "income"}
    assert to_wan(income["income_this_year_total"], parsed.amount_unit) == Decimal(str(t["totals"]["income_total"]))


def test_an_unknown_table_after_unit_lines_stays_apart_and_is_reported():
    """A narrower grid under a bare 金额单位 line after table 09 is not a continuation of it; its amounts are
    not silently ignored."""
    _, end = table_block("2024 年度财政拨款“三公”经费支出决算表")
    extra = ["", "金额单位：万元", "", "项目\t金额", "其他费用\t1.00"]
    lines = [*LINES[:end], *extra, *LINES[end:]]
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    assert [(c.item, c.amount) for c in parsed.three_public] == [
        (c.item, c.amount) for c in interpret(parse_document(REAL, (CORPUS / REAL).read_bytes())).three_public
    ]
    assert parsed.document.warnings == [
        f"table at line {end + 4}: amounts in a table that is neither one of the nine tables "
        "(no caption recognised) nor a performance evaluation; not read"
    ]


def econ_codes_in_name_cells(lines: list[str] = LINES) -> list[str]:
    """Table 06 with each code moved into its name cell (30 基本工资), the code cells left blank."""
    return [re.sub(r"(^|\t)(3\d{1,4})\t([^\t\d]+)", r"\1\t\2 \3", line) for line in lines]


def test_economic_codes_printed_in_the_name_cell():
    merged = econ_codes_in_name_cells()
    assert merged != LINES

    def econ(lines: list[str]) -> list[tuple]:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return [(r.printed_code, r.code, r.method, r.name_raw, r.amount) for r in parsed.econ]

    assert econ(merged) == econ(LINES)


def captions_inside_grids(lines: list[str] = LINES) -> list[str]:
    """Each table's caption lines (title, 公开NN表, 单位 / 金额单位 line) written by the converter as the grid's
    first rows."""
    out: list[str] = []
    for i, line in enumerate(lines):
        if "\t" in line and "\t" not in lines[i - 1]:
            above = len(out)
            while above > 0 and "\t" not in out[above - 1] and len(out) - above < 12:
                above -= 1
            area = out[above:]
            caption = [x for x in area if x.strip() and "。" not in x and re.search("表|单位|^\\d{4} 年度$", x)]
            out[above:] = [x for x in area if x not in caption] + [f"{x}\t" for x in caption]
        out.append(line)
    return out


def test_caption_lines_inside_the_grid():
    moved = captions_inside_grids()
    assert sum(line.startswith("公开 ") and line.endswith("\t") for line in moved) == 8

    def everything(lines: list[str]) -> tuple:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return (
            [(s.table_code, s.status, s.caption, s.amount_unit) for s in parsed.statuses],
            {(c, r.code, k): v[0] for c, rows in parsed.subjects.items() for r in rows for k, v in r.amounts.items()},
            [(r.code, r.amount) for r in parsed.econ],
            [(t.line_item, t.column_key, t.amount) for lines in parsed.totals.values() for t in lines],
            [(c.item, c.measure, c.amount) for c in parsed.three_public],
            parsed.document.warnings,
        )

    assert everything(moved) == everything(LINES)


VERTICAL_09 = [
    "项目\t预算数\t决算数\t增减额",
    "栏次\t1\t2\t3",
    "合计\t4.23\t4.23\t0.00",
    "1.因公出国（境）费\t\t\t",
    "2.公务用车购置及运行维护费\t4.09\t4.09\t0.00",
    "其中：（1）公务用车购置费\t\t\t",
    "（2）公务用车运行维护费\t4.09\t4.09\t0.00",
    "3.公务接待费\t0.14\t0.14\t0.00",
    "其中：国内公务接待批次（个）\t3\t3\t0",
]


def vertical_three_public(lines: list[str] = LINES, numbered: bool = True) -> list[str]:
    """Table 09 printed vertically: an item per row, 预算数 / 决算数 (and a 增减 column) as columns."""
    first, end = table_block("2024 年度财政拨款“三公”经费支出决算表", lines)
    vertical = [row for row in VERTICAL_09 if numbered or not row.startswith("栏次")]
    return [*lines[:first], *vertical, *lines[end:]]


@pytest.mark.parametrize("numbered", [True, False])
def test_three_public_table_with_one_row_per_item(numbered):
    lines = vertical_three_public(numbered=numbered)

    def cells(text: str) -> list[tuple]:
        parsed = interpret(parse_document("layout.md", text.encode("utf-8")))
        return sorted((c.measure, c.item, c.amount) for c in parsed.three_public)

    expected = cells("\n".join(LINES))
    assert len(expected) == 12 and cells("\n".join(lines)) == expected


def _totals(lines: list[str]) -> list[tuple]:
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    return sorted((c, t.side, t.line_item, t.column_key, t.amount) for c, ts in parsed.totals.items() for t in ts)


_CLASS_LABEL = re.compile(r"\t[一二三四五六七八九十]+、([^\t]+)\t(?=\d)")


def _expense_side_first(lines: list[str], caption: str) -> list[str]:
    first, end = table_block(caption, lines)
    swapped = ["\t".join([*(cells := line.split("\t"))[3:], *cells[:3]]) for line in lines[first:end]]
    return [*lines[:first], *swapped, *lines[end:]]


def _class_code(name: str) -> str:
    return function_subjects().match(name, "").code


@pytest.mark.parametrize(
    "layout",
    [
        # the sides headed 收入项目 / 支出项目 instead of 项目
        lambda: [re.sub(r"^项目\t(行次?)\t(.*)\t项目\t", r"收入项目\t\1\t\2\t支出项目\t", line) for line in LINES],
        # the totals named by side: 收入合计 / 支出合计, 收入总计 / 支出总计
        lambda: [
            re.sub(r"^本年收入合计\t(.*)\t本年支出合计\t", r"收入合计\t\1\t支出合计\t", line)
            if line.startswith("本年收入合计")
            else re.sub(r"^总计\t(.*)\t总计\t", r"收入总计\t\1\t支出总计\t", line)
            for line in LINES
        ],
        # no 行 columns (table 01: the only one with six cells a row in the real document)
        lambda: [
            "\t".join(c for k, c in enumerate(line.split("\t")) if k not in (1, 4)) if line.count("\t") == 5 else line
            for line in LINES
        ],
        # the expense side headed 项目（按功能分类）
        lambda: [re.sub(r"\t项目\t(行次?)\t", r"\t项目（按功能分类）\t\1\t", line) for line in LINES],
        # the expense side's classes after their codes: 201 一般公共服务支出 (had been unrecognised lines)
        lambda: [_CLASS_LABEL.sub(lambda m: f"\t{_class_code(m[1])} {m[1]}\t", line) for line in LINES],
        # the expense side first, the income side right of it (tables 01 and 04; had been read as income)
        lambda: _expense_side_first(
            _expense_side_first(LINES, "2024 年度收入支出决算总表"), "2024 年度财政拨款收入支出决算总表"
        ),
    ],
    ids=["side_words", "side_totals", "no_line_columns", "qualified_side_header", "class_codes", "expense_first"],
)
def test_two_sided_tables_in_other_layouts(layout):
    lines = layout()
    assert lines != LINES and len(_totals(LINES)) > 100
    assert _totals(lines) == _totals(LINES)


@pytest.mark.parametrize(
    "parts", [("其中：财政拨款结转和结余", "非财政拨款结转和结余"), ("一般公共预算财政拨款", "政府性基金预算财政拨款")]
)
def test_carryover_line_of_table01_over_its_parts(parts):
    """Table 01 printing the parts of 年初结转和结余 under it (by money or by fund): the line is their subtotal, out of
    the facts (its 100.00 had been counted with its parts'; 财政拨款结转和结余 had been an unrecognised line)."""
    first, end = table_block("2024 年度收入支出决算总表", LINES)
    at = next(i for i in range(first, end) if LINES[i].startswith("年初结转和结余"))
    carried = [f"{p}\t\t{a}\t\t\t" for p, a in zip(parts, ("60.00", "40.00"), strict=True)]
    carried.insert(0, LINES[at].replace("\t\t", "\t100.00\t", 1))
    lines = [*LINES[:at], *carried, *LINES[at + 1 :]]
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    lines_read = [(t.line_item, t.amount, t.is_subtotal) for t in parsed.totals["01"] if t.side == "income"][-4:-1]
    assert lines_read == [
        ("carryover_begin", Decimal("100.00"), True),
        ("carryover_begin", Decimal("60.00"), False),
        ("carryover_begin", Decimal("40.00"), False),
    ]
    assert not [w for w in parsed.document.warnings if "table 01" in w]


def test_table04_with_a_funds_parts_in_columns_of_their_own_is_refused():
    """一般公共预算财政拨款 over 小计 | 基本支出 | 项目支出 on the expense side of table 04: the parts are no funds
    (read as the side's amount, fund unknown, they entered the facts beside the fund's own figure: counted twice)."""
    first, end = table_block("2024 年度财政拨款收入支出决算总表", LINES)
    parts = {"2,901.91": "809.81\t2,092.10", "324.73": "\t324.73", "3,797.75": "1,380.92\t2,416.83"}
    rows = [(line.split("\t") + [""] * 9)[:9] for line in LINES[first:end]]
    rows[2][6:7] = ["一般公共预算财政拨款", "", ""]
    rows.insert(3, [""] * 6 + ["小计", "基本支出", "项目支出", "", ""])
    rows[4][6:] = map(str, range(3, 8))
    for r in rows[5:]:
        r[7:7] = parts.get(r[6], f"{r[6]}\t").split("\t")
    lines = [*LINES[:first], *map("\t".join, rows), *LINES[end:]]
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    assert "04" not in parsed.totals
    assert (
        f"table 04 (line {first + 4}): expense amount column 栏次 4 (基本支出) names neither a fund nor the total: "
        "table 04 财政拨款收入支出决算总表 not read"
    ) in parsed.document.warnings


@pytest.mark.parametrize("rate", ["完成率%", "增减率（%）", "比上年增减"])
def test_table01_with_a_budget_and_a_rate_column_on_each_side(rate):
    """项目 | 行次 | 年初预算数 | 决算数 | 完成率% on each side of table 01: the 决算数 read, the others not (the rate
    had been read as the side's amount, over the 决算 figure)."""
    first, end = table_block("2024 年度收入支出决算总表", LINES)
    rows = [(line.split("\t") + [""] * 6)[:6] for line in LINES[first:end]]
    head = [["收入", "", "", "", "", "支出", "", "", "", ""], ["项目", "行次", "年初预算数", "决算数", rate] * 2]
    head.append(["栏次", "", "1", "2", "3", "栏次", "", "4", "5", "6"])
    body = [[r[0], r[1], r[2], r[2], r[2] and "100.00", r[3], r[4], r[5], r[5], r[5] and "100.00"] for r in rows[3:]]
    lines = [*LINES[:first], *map("\t".join, head + body), *LINES[end:]]
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    assert [(t.side, t.line_item, t.amount) for t in parsed.totals["01"] if t.column_key != "budget"] == [
        (t.side, t.line_item, t.amount)
        for t in interpret(parse_document("real.md", "\n".join(LINES).encode())).totals["01"]
    ]
    assert "table 01: budget or prior-year columns (栏次 1, 3, 4, 6) are not this year's 决算 figures; not read" in (
        parsed.document.warnings
    )


@pytest.mark.parametrize("rate", ["完成率%", "比上年增减%", "增减率"])
def test_subject_table_with_a_rate_column(rate):
    """Table 05 with a rate column after its 决算 ones (小计 | 基本支出 | 项目支出 | 完成率%): left out like a budget
    column, with its warning (had been an unnamed column)."""
    first, end = table_block("# 2024 年度一般公共预算财政拨款支出决算表", LINES)
    lines = list(LINES)
    for i in range(first, end):
        cells = lines[i].split("\t")
        if cells[0].startswith("功能分") or cells[0] == "栏次":
            cells.append(rate if cells[0] != "栏次" else "4")
        elif any(parse_amount(c) for c in cells[4:]):
            cells.append("98.50")
        lines[i] = "\t".join(cells)
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    assert parsed.document.table("05").rows[1][-1].text == rate
    assert subject_amounts(lines) == subject_amounts(LINES)
    assert [w for w in parsed.document.warnings if w.startswith("table 05")] == [
        "table 05: budget or prior-year columns (栏次 4) are not this year's 决算 figures; not read"
    ]


def grant_with_fund_lines_under_it(lines: list[str] = LINES) -> list[str]:
    """Table 01 of older templates: 一、财政拨款收入 over 其中：一般公共预算财政拨款 and the other funds' lines."""
    first, end = table_block("2024 年度收入支出决算总表", lines)
    rows = [line.split("\t") for line in lines[first:end]]
    body = [i for i, r in enumerate(rows) if r[1].isdigit() and int(r[1]) <= 9]
    printed = [r[0] for r in rows if r[0].startswith(("四、", "五、", "六、", "七、", "八、"))]
    names = ["一、财政拨款收入", "其中：一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    names += [re.sub("^[四五六七八]", lambda m: "二三四五六"["四五六七八".index(m[0])], n) for n in printed]
    amounts = [rows[body[0]][2], rows[body[0]][2], "", "", *(rows[i][2] for i in body[3:8])]
    for i, name, amount in zip(body, names, amounts, strict=True):
        rows[i][0], rows[i][2] = name, amount
    return [*lines[:first], *("\t".join(r) for r in rows), *lines[end:]]


def test_fiscal_grant_line_over_its_fund_lines(tmp_path, real_db):
    """The fund lines under 一、财政拨款收入 are its parts: the grant line is a subtotal, out of the fact and out of
    T01's sum of income lines (it was counted twice: a false T01 finding)."""
    lines = grant_with_fund_lines_under_it()
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    income = [(t.line_item, t.amount, t.is_subtotal) for t in parsed.totals["01"] if t.side == "income"][:5]
    assert income == [
        ("fiscal_grant", Decimal("3797.75"), True),
        ("gpb_grant", Decimal("3797.75"), False),
        ("gov_fund_grant", Decimal(0), False),
        ("state_capital_grant", Decimal(0), False),
        ("superior_subsidy", Decimal(0), False),
    ]
    path = tmp_path / "grant.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    db = build_warehouse(tmp_path / "grant.duckdb", path)
    facts = "select line_item, amount_wan from marts.fct_fiscal_grant where amount_wan <> 0 order by all"
    assert query(db, facts) == query(real_db, facts)
    rules = "select rule_id, status from marts.rpt_reconciliation order by all"
    assert query(db, rules) == query(real_db, rules)
    assert ("T01-01", "pass") in query(db, rules)


def expense_side_by_kind(lines: list[str] = LINES) -> list[str]:
    """Table 01 of older templates: its expense side by kind of expense (一、基本支出 over 其中：人员经费 / 公用经费,
    二、项目支出, 三、上缴上级支出, 四、经营支出, 五、对附属单位补助支出) instead of by function class; the
    amounts from tables 03 and 06."""
    first, end = table_block("2024 年度收入支出决算总表", lines)
    rows = [line.split("\t") for line in lines[first:end]]
    body = [i for i, r in enumerate(rows) if r[4].isdigit() and int(r[4]) <= 56]
    kinds = [
        ("一、基本支出", "1,380.92"),
        ("其中：人员经费", "1,250.60"),
        ("公用经费", "130.32"),
        ("二、项目支出", "2,416.83"),
        ("三、上缴上级支出", ""),
        ("四、经营支出", ""),
        ("五、对附属单位补助支出", ""),
    ]
    for k, i in enumerate(body):
        rows[i][3], rows[i][5] = kinds[k] if k < len(kinds) else ("", "")
    return [*lines[:first], *("\t".join(r) for r in rows), *lines[end:]]


def test_table01_expense_side_by_kind(tmp_path, real_db):
    """The expense side by kind (older templates): each line read as its kind (had been 'unrecognised' lines with a
    warning each, and T01-02 had nothing to sum); 人员经费 / 公用经费 are parts of 基本支出, which becomes a
    subtotal (out of the fact and of T01-02's sum)."""
    lines = expense_side_by_kind()
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    expense = [(t.line_item, t.amount, t.is_subtotal) for t in parsed.totals["01"] if t.side == "expense"]
    assert expense[:7] == [
        ("basic_expense", Decimal("1380.92"), True),
        ("basic_personnel", Decimal("1250.60"), False),
        ("basic_public_use", Decimal("130.32"), False),
        ("project_expense", Decimal("2416.83"), False),
        ("remit_to_superior", Decimal(0), False),
        ("operating_expense", Decimal(0), False),
        ("subsidy_to_affiliates", Decimal(0), False),
    ]
    assert not any("table 01" in w for w in parsed.document.warnings)
    path, off = tmp_path / "kinds.md", tmp_path / "kinds-off.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    unit = parsed.document.unit_name
    off_text = re.sub(
        r"(二、项目支出\t\d+\t)2,416.83", r"\g<1>2,426.83", "\n".join(lines).replace(unit, "差十万元单位")
    )
    off.write_text(off_text, encoding="utf-8")
    # table 01 printing its classes and, under them, 其中：基本支出 / 项目支出: another breakdown, kept as subtotals
    both = [*LINES]
    last = next(i for i, line in enumerate(both) if "二十六、抗疫特别国债安排的支出" in line)
    both[last + 1 : last + 1] = ["\t\t\t其中：基本支出\t\t1,380.92", "\t\t\t项目支出\t\t2,416.83"]
    kinds_too = interpret(parse_document("both.md", "\n".join(both).encode("utf-8"))).totals["01"]
    assert [(t.line_item, t.is_subtotal) for t in kinds_too if t.line_item in ("basic_expense", "project_expense")] == [
        ("basic_expense", True),
        ("project_expense", True),
    ]
    (tmp_path / "both.md").write_text("\n".join(both).replace(unit, "分类与性质单位"), encoding="utf-8")
    db = build_warehouse(tmp_path / "kinds.duckdb", path, off, tmp_path / "both.md")

    def results(db, rule: str, name: str) -> list[tuple]:
        sql = """select scope, expected_value, actual_value, status from marts.rpt_reconciliation
                 join marts.dim_document using (document_id) where rule_id like ? and unit_name = ? order by all"""
        return query(db, sql, [rule, name])

    assert [r[3] for r in results(db, "T01%", unit)] == [r[3] for r in results(real_db, "T01%", unit)]
    assert results(db, "T01-02", unit) == [("document", Decimal("3797.75"), Decimal("3797.75"), "pass")]
    # X-03 holds each kind line to table 03's 合计 row (table 03's classes had each failed against no class line)
    assert results(db, "X-03", unit) == [
        ("basic", Decimal("1380.92"), Decimal("1380.92"), "pass"),
        ("project", Decimal("2416.83"), Decimal("2416.83"), "pass"),
    ]
    assert [(r[0], r[3]) for r in results(db, "X-03", "差十万元单位")] == [("basic", "pass"), ("project", "fail")]
    # classes and kinds both printed: T01-02 sums the classes once, X-03 holds the classes (it had counted both)
    assert [r[3] for r in results(db, "T01%", "分类与性质单位")] == [r[3] for r in results(real_db, "T01%", unit)]
    assert results(db, "X-03", "分类与性质单位") == results(real_db, "X-03", unit)
    facts = """select line_item, amount_wan from marts.fct_fiscal_grant join marts.dim_document using (document_id)
               where source_table = '01' and side = 'expense' and amount_wan <> 0 and unit_name = ? order by all"""
    assert query(db, facts, [unit]) == [
        ("basic_personnel", Decimal("1250.60")),
        ("basic_public_use", Decimal("130.32")),
        ("project_expense", Decimal("2416.83")),
    ]


def test_amount_unit_printed_in_the_header_row():
    """金额单位：元 written in the last (empty) cell of table 01's first header row instead of above the table."""
    name = "yuan-retitled.md"
    lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()
    at = lines.index("金额单位：元")
    head = next(i for i in range(at, len(lines)) if "\t" in lines[i])
    moved = [*lines[:at], *lines[at + 1 : head], lines[head] + "金额单位：元", *lines[head + 1 :]]
    assert moved[head - 1].startswith("收入\t") and moved[head - 1].endswith("\t金额单位：元")

    def table01(lines: list[str]) -> tuple:
        parsed = interpret(parse_document(name, "\n".join(lines).encode("utf-8")))
        status = next(s for s in parsed.statuses if s.table_code == "01")
        lines01 = sorted((t.side, t.line_item, t.column_key, t.amount) for t in parsed.totals["01"])
        return status.amount_unit, lines01, parsed.document.warnings

    assert table01(moved) == table01(lines) and table01(moved)[0] == "元"


@pytest.mark.parametrize(
    ("title", "unit", "alias", "kind"),
    [
        ("武汉市信息中心2024年度决算公开", "武汉市信息中心", None, "单位决算"),
        ("武汉市信息中心（武汉市大数据中心）2024年度部门决算公开", "武汉市信息中心", "武汉市大数据中心", "部门决算"),
        ("关于武汉市信息中心2024年度单位决算的公开说明", "武汉市信息中心", None, "单位决算"),
        ("2024年武汉市信息中心单位决算", "武汉市信息中心", None, "单位决算"),
        ("武汉市信息中心二〇二四年度单位决算", "武汉市信息中心", None, "单位决算"),
        ("武汉市信息中心（本级）2024年度部门决算公开", "武汉市信息中心（本级）", None, "部门决算"),
        ("2025年武汉市信息中心2024年度单位决算公开", "武汉市信息中心", None, "单位决算"),  # a date's year first
        ("武汉市信息中心决算公开（2024年度）", "武汉市信息中心", None, "单位决算"),
        ("2024年度武汉市信息中心部门（单位）决算公开", "武汉市信息中心", None, "单位决算"),
        ("武汉市信息中心2024年度部门决算情况说明", "武汉市信息中心", None, "部门决算"),
        ("武汉市信息中心关于2024年度部门决算的说明", "武汉市信息中心", None, "部门决算"),
    ],
)
def test_title_forms(title, unit, alias, kind):
    """The unit before or after the year, 关于 … 的公开说明, a year in Chinese numerals."""
    lines = [f"# {title}" if line.startswith("# 2024 年度") else line for line in LINES]
    assert lines != LINES
    doc = parse_document("layout.md", "\n".join(lines).encode("utf-8"))
    assert (doc.unit_name, doc.unit_alias, doc.fiscal_year, doc.doc_kind) == (unit, alias, 2024, kind)


def deviation_reason_column(lines: list[str] = LINES) -> list[str]:
    """绩效自评表 with a 偏差原因分析及改进措施 column after 得分, filled in."""
    out, in_indicators = [], False
    for line in lines:
        if "三级指标" in line and "得分" in line:
            line, in_indicators = line + "\t偏差原因分析及改进措施", True
        elif in_indicators and re.search(r"\d\t[\d.]+$", line):
            line += "\t未发现偏差"
        elif "\t" not in line:
            in_indicators = False
        out.append(line)
    return out


def labels_and_values_in_one_cell(lines: list[str] = LINES) -> list[str]:
    """绩效自评表 header fields written as 项目名称：… in one cell (the value cell left blank)."""
    field = re.compile(r"^(项目名称|主管部门|实施单位|项目实施单位)\t+([^\t]+)")
    return [field.sub(r"\1：\2\t", line) for line in lines]


def test_evaluation_header_labels_and_values_in_one_cell():
    """Every evaluation still found (they were all lost), with the same fields, budget and indicators."""
    lines = labels_and_values_in_one_cell()
    assert sum(a != b for a, b in zip(lines, LINES, strict=True)) == 14

    def evaluations(lines: list[str]) -> list[tuple]:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return [(e.kind, e.fields, e.budget_wan, e.executed_wan, len(e.indicators)) for e in parsed.evaluations]

    assert evaluations(lines) == evaluations(LINES) and len(evaluations(LINES)) == 7


def test_indicator_rows_with_a_deviation_reason_column():
    """Every indicator still read as printed."""
    out = deviation_reason_column()

    def indicators(lines: list[str]) -> list[tuple]:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return [
            (i.indicator, i.target_text, i.actual_text, i.weight, i.score_reported)
            for e in parsed.evaluations
            for i in e.indicators
        ]

    assert sum("未发现偏差" in line for line in out) > 50
    assert indicators(out) == indicators(LINES) and len(indicators(LINES)) == 65


def test_caption_wordings_without_table_numbers():
    """Other offices' wordings (收支决算总表, 支出决算明细表, 一般公共预算财政拨款“三公”…), no 公开NN表 line."""
    wordings = {
        "2024 年度收入支出决算总表": "2024 年度部门收支决算总表",
        "2024 年度财政拨款收入支出决算总表": "2024 年度财政拨款收支决算总表",
        "2024 年度支出决算表": "2024 年度支出决算明细表",
        "# 2024 年度一般公共预算财政拨款支出决算表": "# 2024 年度一般公共预算财政拨款支出决算明细表",
        "2024 年度财政拨款“三公”经费支出决算表": "2024 年度一般公共预算财政拨款“三公”经费支出决算表",
    }
    lines = [wordings.get(line, line) for line in LINES if not line.startswith("公开 ")]
    assert sum(a != b for a, b in zip(lines, LINES, strict=False)) > 5
    doc = parse_document("layout.md", "\n".join(lines).encode("utf-8"))
    captions = {t.code: t.caption for t in doc.tables if t.code}
    assert {c: captions[c] for c in ("01", "03", "04", "09")} == {
        "01": "2024 年度部门收支决算总表",
        "03": "2024 年度支出决算明细表",
        "04": "2024 年度财政拨款收支决算总表",
        "09": "2024 年度一般公共预算财政拨款“三公”经费支出决算表",
    }
    assert sorted(captions) == ["01", "02", "03", "04", "05", "06", "08", "09"]
    assert leaves("\n".join(lines)) == expected_leaves()


def test_table06_as_one_list_with_group_columns():
    """Table 06 as one list (科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费, two header rows) instead of panels."""
    first, end = table_block("2024 年度一般公共预算财政拨款基本支出决算明细表")
    econ = {**TRUTH["econ_class"], **TRUTH["econ"]}
    rows = ["科目编码\t科目名称\t决算数\t\t", "\t\t合计\t人员经费\t公用经费"]
    for code in sorted(econ):
        amount = f"{Decimal(str(econ[code])):,.2f}"
        personnel = code.startswith(("301", "303"))
        rows.append(f"{code}\t\t{amount}\t{amount if personnel else ''}\t{'' if personnel else amount}")
    parsed = interpret(parse_document("layout.md", "\n".join([*LINES[:first], *rows, *LINES[end:]]).encode("utf-8")))
    assert {r.code: r.amount for r in parsed.econ} == {c: Decimal(str(v)) for c, v in econ.items()}
    assert all(r.method == "printed" and r.total_key is None for r in parsed.econ)


def test_table06_as_one_list_with_a_column_per_group_and_no_total_column():
    """科目编码 | 科目名称 | 人员经费 | 公用经费, each row's amount under its group, a 合计 row with both groups'
    totals (the table was left out: no 决算数 column)."""
    first, end = table_block("2024 年度一般公共预算财政拨款基本支出决算明细表")
    econ = {**TRUTH["econ_class"], **TRUTH["econ"]}
    rows = ["科目编码\t科目名称\t人员经费\t公用经费"]
    for code in sorted(econ):
        amount = f"{Decimal(str(econ[code])):,.2f}"
        personnel = code.startswith(("301", "303"))
        rows.append(f"{code}\t\t{amount if personnel else ''}\t{'' if personnel else amount}")
    rows.append("合计\t\t1,250.60\t130.32")
    parsed = interpret(parse_document("layout.md", "\n".join([*LINES[:first], *rows, *LINES[end:]]).encode("utf-8")))
    real = interpret(parse_document("layout.md", "\n".join(LINES).encode("utf-8")))
    assert {r.code: r.amount for r in parsed.econ if r.code} == {c: Decimal(str(v)) for c, v in econ.items()}
    assert {r.total_key: r.amount for r in parsed.econ if r.total_key} == {
        r.total_key: r.amount for r in real.econ if r.total_key
    }
    assert all(r.method == "printed" for r in parsed.econ if r.code) and parsed.document.warnings == []
    both = [f"{row}1.00" if row.startswith("30101\t") else row for row in rows]  # 基本工资 under both groups
    parsed = interpret(parse_document("layout.md", "\n".join([*LINES[:first], *both, *LINES[end:]]).encode("utf-8")))
    assert parsed.econ == [] and any("amounts under both 人员经费 and 公用经费" in w for w in parsed.document.warnings)


_SECTION_HEADING = re.compile(r"^(#+ (?:\*\*)?)?([一二三四五六七八九十]{1,2})、(.*说明)")
_NUMERALS = "一二三四五六七八九"


def sections_in_parentheses(lines: list[str] = LINES) -> list[str]:
    """情况说明 sections numbered （一）…（十三） (under a numbered part); the performance section keeps its own
    （一）…（三） sub-headings, restarting inside it."""
    return [_SECTION_HEADING.sub(r"\1（\2）\3", line) for line in lines]


def sections_in_arabic(lines: list[str] = LINES) -> list[str]:
    """情况说明 sections numbered 1. … 13.; the sub-headings inside them keep （一）."""

    def number(m: re.Match) -> str:
        tens, _, units = m.group(2).rpartition("十")
        ten = _NUMERALS.index(tens) + 1 if tens else 1
        value = (_NUMERALS.index(units) + 1 if units else 0) + (10 * ten if "十" in m.group(2) else 0)
        return f"{m.group(1) or ''}{value}. {m.group(3)}"

    return [_SECTION_HEADING.sub(number, line) for line in lines]


@pytest.mark.parametrize("layout", [sections_in_parentheses, sections_in_arabic])
def test_narrative_sections_numbered_otherwise(layout):
    """Every stated figure as with 一、…十三、."""
    lines = layout()
    assert sum(a != b for a, b in zip(lines, LINES, strict=True)) == 26

    def statements(lines: list[str]) -> list[tuple]:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return [(s.section, s.key, s.line, s.amount_wan, s.percent, s.quantity) for s in parsed.statements]

    assert statements(lines) == statements(LINES) and len(statements(LINES)) == 76


def test_html_captions_in_caption_elements():
    """HTML tables carrying their caption lines in <caption> (split by <br/>) instead of paragraphs above."""
    name = "html-tables.md"
    out: list[str] = []
    for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("<table>"):
            above = [i for i in range(max(0, len(out) - 10), len(out)) if "<table" not in "".join(out[i:])]
            caption = [i for i in above if re.search("表|单位", out[i]) and "。" not in out[i] and len(out[i]) < 80]
            if caption:
                line = f"<table><caption>{'<br/>'.join(out[i].lstrip('# ') for i in caption)}</caption>{line[7:]}"
                out = [x for i, x in enumerate(out) if i not in caption]
        out.append(line)

    def read(text: str) -> tuple:
        parsed = interpret(parse_document(name, text.encode("utf-8")))
        return (
            [(s.table_code, s.status, s.amount_unit) for s in parsed.statuses],
            {(c, r.code, k): v[0] for c, rows in parsed.subjects.items() for r in rows for k, v in r.amounts.items()},
            [(t.line_item, t.column_key, t.amount) for lines in parsed.totals.values() for t in lines],
            [(c.item, c.measure, c.amount) for c in parsed.three_public],
            [(r.code, r.amount) for r in parsed.econ],
        )

    assert sum("<caption>" in line for line in out) >= 8
    assert read("\n".join(out)) == read((CORPUS / name).read_text(encoding="utf-8"))


COMBINED = [
    vertical_three_public,
    code_and_name_in_one_cell,
    econ_codes_in_name_cells,
    deviation_reason_column,
    labels_and_values_in_one_cell,
    sections_in_parentheses,
    captions_inside_grids,
]
# Every fact and the unit-year mart, without the source lines (the layouts move rows).
WAREHOUSE_QUERIES = [
    *(
        f"select * exclude (source_line) from marts.{fact} order by all"
        for fact in ("fct_income", "fct_expense", "fct_basic_expense_econ", "fct_fiscal_grant", "fct_three_public")
    ),
    *(
        f"select * exclude (source_line) from marts.{fact} order by all"
        for fact in ("fct_performance_indicator", "fct_project_evaluation", "fct_statement")
    ),
    "select * from marts.mart_unit_year",
    "select rule_id, status, count(*) from marts.rpt_reconciliation group by all order by all",
]


def test_new_layouts_together_build_the_same_warehouse(tmp_path, real_db):
    """The real document in all of the layouts above at once: the warehouse holds the same facts and marts."""
    lines = LINES
    for layout in COMBINED:
        lines = layout(lines)
    path = tmp_path / "layouts.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    db = build_warehouse(tmp_path / "layouts.duckdb", path)
    for sql in WAREHOUSE_QUERIES:
        assert query(db, sql) == query(real_db, sql), sql


def basic_split_in_table05(lines: list[str] = LINES, subtotal: bool = True) -> list[str]:
    """Table 05 with 基本支出 over 小计 | 人员经费 | 公用经费 (without ``subtotal``: over 人员经费 | 公用经费 only); the
    basic amount printed as 人员经费."""
    first, end = table_block("公开 05 表", lines)
    body = next(i for i in range(first, end) if lines[i].startswith("栏次")) + 1
    parts = ["小计", "人员经费", "公用经费"][0 if subtotal else 1 :]
    rows = [
        "\t".join(["项目", "", "", "", "本年支出", *[""] * len(parts), ""]),
        "\t".join(["功能分类科目编码", "", "", "科目名称", "合计", "基本支出", *[""] * (len(parts) - 1), "项目支出"]),
        "\t".join(["类", "款", "项", "", "", *parts, ""]),
        "\t".join(["栏次", "", "", "", *map(str, range(1, len(parts) + 3))]),
    ]
    for c in (line.split("\t") for line in lines[body:end]):
        rows.append("\t".join([*c[:5], *([c[5]] if subtotal else []), c[5], "", c[6]]))
    return [*lines[:first], *rows, *lines[end:]]


def test_basic_expense_split_into_personnel_and_public_use_columns():
    """Table 05 with 基本支出 over 小计 | 人员经费 | 公用经费: the 小计 is the basic column (it was read as a second
    本年支出 小计 and replaced every row's total), the two parts are kept unnamed."""

    def amounts(lines: list[str]) -> dict:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return {(r.code, k): v[0] for r in parsed.subjects["05"] for k, v in r.amounts.items()}

    split = amounts(basic_split_in_table05())
    printed = amounts(LINES)
    assert {k: v for k, v in split.items() if k[1] in ("total", "basic", "project")} == printed
    assert {k[1] for k in split} == {"total", "basic", "project", "col3", "col4"}


def test_basic_expense_printed_only_as_its_parts_reaches_the_facts(tmp_path, real_db):
    """Table 05 with 基本支出 over 人员经费 | 公用经费 and no 小计: each part keeps its own key in staging, their sum is
    each row's basic in the facts (the general-public-budget basic rows were missing: 2,416.83 for 3,797.75)."""
    lines = basic_split_in_table05(subtotal=False)
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    assert {k for r in parsed.subjects["05"] for k in r.amounts} == {
        "total",
        "basic_personnel",
        "basic_public_use",
        "project",
    }
    path = tmp_path / "parts.md"
    path.write_text("\n".join(lines), encoding="utf-8")
    db = build_warehouse(tmp_path / "parts.duckdb", path)
    for sql in (
        "select subject_code, amount_wan from marts.fct_expense"
        " where fund_scope = 'general_public_budget' and expense_kind = 'basic' order by all",
        "select gpb_expense_wan from marts.mart_unit_year",
    ):
        assert query(db, sql) == query(real_db, sql), sql
    assert query(db, "select gpb_expense_wan from marts.mart_unit_year") == [(Decimal("3797.75"),)]


def test_budget_execution_in_the_national_template():
    """A 项目支出绩效自评表 with the national template's budget rows (年初预算数 | 全年预算数 | 全年执行数 | 分值 |
    执行率 | 得分, then 年度资金总额 and 其中 rows): A is 全年预算数 and B 全年执行数 (not the first two amounts); its
    总分 row prints 分值 before 得分."""
    at = next(i for i, line in enumerate(LINES) if line.startswith("预算执行情况 (万元)"))
    rows = [
        "项目资金（万元）\t\t年初预算数\t全年预算数\t全年执行数\t分值\t执行率\t得分\t",
        "\t\t年度资金总额\t300.00\t353.48\t353.48\t20\t100%\t20.00",
        "\t\t其中：当年财政拨款\t300.00\t353.48\t353.48\t—\t—\t—",
        "\t\t上年结转资金\t\t\t\t—\t—\t—",
    ]
    lines = [*LINES[:at], *rows, *LINES[at + 3 :]]
    total = next(i for i in range(at, len(lines)) if lines[i].startswith("总分"))
    lines[total] = "总分\t\t\t\t\t100\t98.50\t2 项指标未达到目标值"  # 分值, then 得分, then a reason

    def budgets(lines: list[str]) -> list[tuple]:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return [
            (e.budget_wan, e.executed_wan, e.execution_rate_printed, e.budget_score_reported, e.budget_score_weight)
            for e in parsed.evaluations
        ]

    assert budgets(lines) == budgets(LINES)
    assert budgets(lines)[1] == (Decimal("353.48"), Decimal("353.48"), Decimal("100"), Decimal("20.00"), Decimal("20"))
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    assert parsed.evaluations[1].total_score_printed == Decimal("98.50")


def subject_amounts(lines: list[str]) -> dict:
    """Every amount of the subject tables by (table, code, printed subject name or 合计 row, column)."""
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    return {
        (table, r.code, "合计" if r.is_total else r.name_raw, key): value[0]
        for table, rows in parsed.subjects.items()
        for r in rows
        for key, value in r.amounts.items()
    }


@pytest.mark.parametrize(
    "bracketed",
    [
        lambda line: re.sub(r"^(\d{3}|\d{5}|\d{7})\t", r"[\1]\t", line),  # the code cell as [2010350]
        lambda line: re.sub(r"^(\d{3}|\d{5}|\d{7})\t([^\t\d][^\t]*)\t", r"\t【\1】\2\t", line),  # 【2010350】事业运行
    ],
    ids=["code_cell", "code_and_name"],
)
def test_subject_codes_printed_in_brackets(bracketed):
    lines = [bracketed(line) for line in LINES]
    assert sum(a != b for a, b in zip(lines, LINES, strict=True)) > 40

    assert subject_amounts(lines) == subject_amounts(LINES)


@pytest.mark.parametrize(
    "label",
    [
        "收入合计",
        "支出合计",
        "本年支出合计",
        "合计数",
        "小计",
        "全部合计",
        "合计：",
        "合\u3000\u3000计",
        "合计注",
        "合计*",
        "合计①",
    ],
)
def test_subject_table_total_rows_named_otherwise(label):
    """The 合计 row of tables 02/03/05 labelled 收入合计 / 支出合计 / 小计 / 全部合计 …, or with a footnote's mark
    (合计<sup>注</sup>): still the total, never a subject row (小计, 全部合计, 合计： and 合计注 had become a 类 row
    without a code, its amounts a leaf of the facts)."""
    lines = [re.sub(r"^(\t*)合计\t", lambda m: f"{m.group(1)}{label}\t", line) for line in LINES]
    assert sum(a != b for a, b in zip(lines, LINES, strict=True)) == 5

    assert subject_amounts(lines) == subject_amounts(LINES)


def test_subject_table_total_row_at_the_bottom_labelled_xiaoji():
    """Tables 02/03/05 with their only total row printed last, as 小计: the total, and every row as before."""
    lines = LINES
    for caption in ("2024 年度收入决算表", "2024 年度支出决算表", "公开 05 表"):
        first, end = table_block(caption, lines)
        total = next(i for i in range(first, end) if re.match(r"^\t*合计\t", lines[i]))
        last = lines[total].replace("合计", "小计")
        lines = [*lines[:total], *lines[total + 1 : end], last, *lines[end:]]
    parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
    assert [[r.name_raw for r in parsed.subjects[t] if r.is_total] for t in ("02", "03", "05")] == [["小计"]] * 3
    assert subject_amounts(lines) == subject_amounts(LINES)


@pytest.mark.parametrize("word", ["小计", "总计"])
def test_table06_totals_labelled_subtotal(word):
    """人员经费小计 / 公用经费小计 or …总计 instead of …合计: still the two totals (the personnel total was lost, read
    as a row of the panel)."""
    lines = [line.replace("经费合计", f"经费{word}") for line in LINES]
    assert lines != LINES

    def econ(lines: list[str]) -> list[tuple]:
        parsed = interpret(parse_document("layout.md", "\n".join(lines).encode("utf-8")))
        return [(r.code, r.total_key, r.amount, r.is_leaf) for r in parsed.econ]

    assert econ(lines) == econ(LINES)
    assert {total_key for _, total_key, _, _ in econ(lines) if total_key} == {"personnel_total", "public_use_total"}


def table06_list_with_total_column(change: dict[str, str] | None = None) -> list[str]:
    """Table 06 as the 2015-2017 forms print it: 科目编码 | 科目名称 | 合计 | 人员经费 | 公用经费, a 栏次 row and a 合计
    row at the top, each row's amount under 合计 and under its group; ``change`` replaces a code's row."""
    first, end = table_block("2024 年度一般公共预算财政拨款基本支出决算明细表")
    econ = {**TRUTH["econ_class"], **TRUTH["econ"]}
    rows = ["科目编码\t科目名称\t合计\t人员经费\t公用经费", "栏次\t\t1\t2\t3", "\t合计\t1,380.92\t1,250.60\t130.32"]
    for code in sorted(econ):
        amount = f"{Decimal(str(econ[code])):,.2f}"
        personnel = code.startswith(("301", "303"))
        rows.append(f"{code}\t\t{amount}\t{amount if personnel else ''}\t{'' if personnel else amount}")
    rows = [(change or {}).get(row.split("\t")[0], row) for row in rows]
    return [*LINES[:first], *rows, *LINES[end:]]


def test_table06_as_one_list_with_a_total_column_and_a_column_per_group():
    """The group columns beside the 合计 column are read: each row's group, and the 合计 row's group cells as the
    人员经费 / 公用经费 totals (they had been left out without a word, and the 栏次 row read as an item of 1 万元);
    a row with its 合计 cell only is read from it, one whose 合计 and group amount differ refuses the table."""
    real = interpret(parse_document("layout.md", "\n".join(LINES).encode("utf-8")))
    parsed = interpret(parse_document("layout.md", "\n".join(table06_list_with_total_column()).encode("utf-8")))
    econ = {**TRUTH["econ_class"], **TRUTH["econ"]}
    assert {r.code: r.amount for r in parsed.econ if not r.total_key} == {c: Decimal(str(v)) for c, v in econ.items()}
    assert {r.total_key: r.amount for r in parsed.econ if r.total_key} == {
        **{r.total_key: r.amount for r in real.econ if r.total_key},
        "total": Decimal("1380.92"),
    }
    assert {r.code: r.cost_group_printed for r in parsed.econ if r.code in ("30101", "302")} == {
        "30101": "人员经费",
        "302": "公用经费",
    }
    assert parsed.document.warnings == []
    alone = table06_list_with_total_column({"30101": "30101\t\t177.67\t\t"})
    parsed = interpret(parse_document("layout.md", "\n".join(alone).encode("utf-8")))
    assert [(r.amount, r.cost_group_printed) for r in parsed.econ if r.code == "30101"] == [(Decimal("177.67"), None)]
    differ = table06_list_with_total_column({"30101": "30101\t\t177.67\t177.76\t"})
    parsed = interpret(parse_document("layout.md", "\n".join(differ).encode("utf-8")))
    assert parsed.econ == [] and any(
        "合计 177.67 is not the row's 人员经费 amount 177.76" in w for w in parsed.document.warnings
    )
