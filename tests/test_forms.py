"""Printing forms other offices and converters use for codes, amounts, column numbers, header words, amount
units and titles, made from the real document: the numbers and the identity must not change."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

import pytest

from loaders.document import parse_document
from loaders.pipeline import ParsedDocument, interpret
from loaders.text import parse_amount

from .conftest import CORPUS
from .conftest import truth as truth_of
from .test_layouts import LINES, table_block, vertical_three_public

WIDE = str.maketrans("0123456789", "０１２３４５６７８９")


def parse(lines: list[str]) -> ParsedDocument:
    return interpret(parse_document("forms.md", "\n".join(lines).encode("utf-8")))


def in_table(caption: str, change: Callable[[str], str], lines: list[str] = LINES) -> list[str]:
    """``lines`` with ``change`` applied to every row of the grid under ``caption``."""
    first, end = table_block(caption, lines)
    out = [*lines[:first], *map(change, lines[first:end]), *lines[end:]]
    assert out != lines
    return out


def values(parsed: ParsedDocument) -> dict:
    """Every amount the interpreters read, by where it was printed (zeros left out of the subject and econ
    amounts; every line of tables 01/04, by its label)."""
    subjects = {
        (table, r.code, r.is_total, key): v[0]
        for table, rows in parsed.subjects.items()
        for r in rows
        for key, v in r.amounts.items()
        if v[0]
    }
    econ = {(r.code, r.total_key, r.name_raw): r.amount for r in parsed.econ if r.amount}
    totals = {
        (code, t.side, t.name_raw, t.line_item, t.subject_code, t.column_key, t.column_no): t.amount
        for code, ls in parsed.totals.items()
        for t in ls
    }
    three_public = {(c.measure, c.item): c.amount for c in parsed.three_public}
    return {"subjects": subjects, "econ": econ, "totals": totals, "three_public": three_public}


REAL = parse(LINES)
T02 = "2024 年度收入决算表"
T05 = "# 2024 年度一般公共预算财政拨款支出决算表"
T06 = "2024 年度一般公共预算财政拨款基本支出决算明细表"


def test_codes_and_amounts_in_full_width_digits():
    """２０１０３５０ and ３，７９７．７５ in tables 05 and 06, and the title's year ２０２４."""
    lines = in_table(T05, lambda line: line.translate(WIDE))
    lines = in_table(T06, lambda line: line.translate(WIDE), lines)
    lines = [line.translate(WIDE) if line.startswith("# 2024 年度武汉市") else line for line in lines]
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.fiscal_year == 2024
    assert [r.code for r in parsed.subjects["05"]] == [r.code for r in REAL.subjects["05"]]
    assert {r.code: r.method for r in parsed.econ} == {r.code: r.method for r in REAL.econ}


_SUBJECT_CODE = re.compile(r"^(\d{3})(\d\d)?(\d\d)?\t")


@pytest.mark.parametrize(
    ("separator", "in_name_cell", "wide", "numbered"),
    [
        (".", False, False, True),
        ("-", False, False, True),
        (".", True, False, True),
        ("-", True, False, True),
        (".", False, True, True),
        (".", False, False, False),
    ],
)
def test_subject_codes_printed_with_separators(separator, in_name_cell, wide, numbered):
    """201.03.50 / 201-03-50 in the code cell or before the name (201.03.50 事业运行), and ２０１．０３．５０ in
    full-width digits, in tables 02, 03 and 05, also without their 栏次 rows (201.03 reads as an amount: the code
    column had been taken for the first amount column): the same codes and amounts (the code had become 201 and
    '.03.50 事业运行' its name, or the cell a name with no code: amounts under the wrong subject, no warning)."""

    def dotted(line: str) -> str:
        m = _SUBJECT_CODE.match(line)
        if not m:
            return line
        code = separator.join(part for part in m.groups() if part)
        if in_name_cell:
            name, rest = line[m.end() :].split("\t", 1)
            line = f"{code} {name}\t\t{rest}"
        else:
            line = f"{code}\t{line[m.end() :]}"
        return line.translate(WIDE).replace(".", "．") if wide else line

    lines = (
        LINES if numbered else [line for line in LINES if not line.startswith(("类\t款\t项\t栏次", "栏次\t\t\t\t1"))]
    )
    for caption in (T02, T03, T05):
        lines = in_table(caption, dotted, lines)
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.warnings == []
    for table in ("02", "03", "05"):
        assert [r.code for r in parsed.subjects[table]] == [r.code for r in REAL.subjects[table]]


def test_subject_codes_printed_with_a_trailing_dot():
    """2010350. / 20103. / 201. in the code cell of tables 02, 03 and 05: the same codes (all but 201. had become a
    part of the name, the rows' amounts in the facts without a code)."""
    lines = LINES
    for caption in (T02, T03, T05):
        lines = in_table(caption, lambda line: _SUBJECT_CODE.sub(lambda m: m[0][:-1] + ".\t", line), lines)
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("minus", ["\u2212", "\u2013", "-"])
def test_negative_amounts_with_other_minus_signs(minus):
    """A minus sign (U+2212) or en dash, as PDF text layers hold it, is a minus."""
    lines = in_table(T05, lambda line: line.replace("\t1,401.71", f"\t{minus}1,401.71"))
    row = next(r for r in parse(lines).subjects["05"] if r.code == "2010399")
    assert row.amounts["total"][0] == row.amounts["project"][0] == Decimal("-1401.71")


@pytest.mark.parametrize(
    ("code_head", "name_head", "amount_head"),
    [
        ("经济分类", "项目名称", "决算数"),
        ("科目编码", "经济科目名称", "决算数"),
        ("编码", "名称", "金额"),
        ("代码", "科目", "决算数"),
        ("科目编码", "支出项目", "支出"),
    ],
)
def test_table06_panel_header_wordings(code_head, name_head, amount_head):
    header = "\t".join(["经济分类", "科目名称", "决算数"] * 3)
    new = "\t".join([code_head, name_head, amount_head] * 3)
    parsed = parse(in_table(T06, lambda line: new if line == header else line))
    assert values(parsed)["econ"] == values(REAL)["econ"] and len(parsed.econ) == len(REAL.econ)


def test_table06_without_its_class_rows():
    """Table 06 printing 款 rows only (no 工资福利支出 / 商品和服务支出 / 资本性支出 row), their codes cut to 30 as the
    real document prints them: each 款 by its name (they had no code: in the facts without one, with a warning)."""
    classes = ("\t工资福利支出\t", "\t商品和服务支出\t", "\t资本性支出\t")
    kuan_only = re.compile(r"(?:^|(?<=\t))3\d\t(?:工资福利支出|商品和服务支出|资本性支出)\t[\d,.]*")
    parsed = parse(
        in_table(T06, lambda line: kuan_only.sub("\t\t", line) if any(map(line.__contains__, classes)) else line)
    )
    assert {(r.code, r.amount) for r in parsed.econ if r.level != "类"} == {
        (r.code, r.amount) for r in REAL.econ if r.level != "类"
    }
    assert parsed.document.warnings == []


def test_income_column_wordings_of_other_templates():
    """财政补助收入 for 财政拨款收入, 附属单位缴款 for 附属单位上缴收入 (table 02)."""
    words = {"财政拨款收 入": "财政补助收入", "附属单位上 缴收入": "附属单位缴款"}
    lines = in_table(T02, lambda line: re.sub("|".join(words), lambda m: words[m.group()], line))
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def test_an_amount_column_no_header_word_names_is_reported():
    parsed = parse(in_table(T02, lambda line: line.replace("财政拨款收 入", "拨入经费")))
    assert "table 02: amount column 栏次 2 is not named by a known header word; its amounts (24 rows) stay in " in (
        " ".join(parsed.document.warnings)
    )


@pytest.mark.parametrize(
    "numbering", [lambda n: f"({n})", lambda n: f"（{n}）", lambda n: chr(0x245F + n), lambda n: str(n)]
)
def test_column_numbers_printed_otherwise(numbering):
    """栏次 numbers printed (1), （1） or ①, and the row labelled 列次, in every table that has one (01–05, 08;
    08 is empty)."""

    def renumber(line: str) -> str:
        cells = line.split("\t")
        if "栏次" not in cells:
            return line
        return "\t".join("列次" if c == "栏次" else numbering(int(c)) if c.isdigit() else c for c in cells)

    lines = [renumber(line) for line in LINES]
    assert sum(a != b for a, b in zip(lines, LINES, strict=True)) == 6
    parsed = parse(lines)
    assert values(parsed) == values(REAL)
    assert {s.table_code: s.status for s in parsed.statuses} == {s.table_code: s.status for s in REAL.statuses}


def test_rows_without_their_trailing_empty_cells():
    """A converter that right-strips rows: the last row of a table shorter than its widest is not a cut-off
    (only a document that ends inside such a table is)."""
    lines = [line.rstrip("\t") for line in LINES]
    assert sum(a != b for a, b in zip(lines, LINES, strict=True)) > 50
    assert values(parse(lines)) == values(REAL)


YUAN = (CORPUS / "yuan-retitled.md").read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize(
    "form", ["单位：（元）", "金额单位：人民币元", "单位(元)", "单位 元", "（元）", "（单位：元）"]
)
def test_amount_unit_forms(form):
    """Every way of stating 元 seen in captions; read as 万元 it would be 10,000 times too large."""
    lines = [re.sub(r"金额单位\s*[:：]\s*元", form, line) for line in YUAN]
    assert sum(a != b for a, b in zip(lines, YUAN, strict=True)) >= 7
    parsed = parse(lines)
    assert parsed.amount_unit == "元" and values(parsed) == values(parse(YUAN))
    assert {s.amount_unit for s in parsed.statuses if s.status == "present"} == {"元"}


def test_title_wrapped_over_two_lines():
    """The converter broke the cover title; the contents heading 第三部分 …情况说明 is not taken instead."""
    for broken in (
        ["# 2024 年度武汉市信息中心（武汉市大数据", "中心）决算公开"],
        ["# 2024 年度", "# 武汉市信息中心（武汉市大数据中心）决算公开"],
    ):
        at = LINES.index("# 2024 年度武汉市信息中心（武汉市大数据中心）决算公开")
        doc = parse_document("forms.md", "\n".join([*LINES[:at], *broken, *LINES[at + 1 :]]).encode("utf-8"))
        assert (doc.unit_name, doc.unit_alias, doc.fiscal_year) == ("武汉市信息中心", "武汉市大数据中心", 2024)


@pytest.mark.parametrize("label", ["部门", "编制部门", "部门名称", "部门（单位）"])
def test_department_cover_and_table_labels(label):
    """A 部门 document: the title names no unit (2024 年度部门决算), the tables label it 部门：…"""
    lines = [
        "# 2024 年度部门决算" if line.startswith("# 2024 年度武汉市") else re.sub(r"^单位：", f"{label}：", line)
        for line in LINES
    ]
    doc = parse_document("forms.md", "\n".join(lines).encode("utf-8"))
    assert (doc.unit_name, doc.doc_kind) == ("武汉市信息中心", "部门决算")


T01, T04 = "2024 年度收入支出决算总表", "2024 年度财政拨款收入支出决算总表"


def replace_grid(caption: str, rows: list[str]) -> list[str]:
    first, end = table_block(caption)
    return [*LINES[:first], *rows, *LINES[end:]]


@pytest.mark.parametrize(
    ("printed", "item"),
    [
        ("年初结转和结余", "carryover_begin"),
        ("上年结转", "carryover_begin"),
        ("期初结转和结余", "carryover_begin"),
        ("年末结转和结余", "carryover_end"),
        ("结转下年", "carryover_end"),
        ("年终结转结余", "carryover_end"),
        ("用事业基金弥补收支差额", "use_non_grant_balance"),
        ("其中：结余分配", "balance_distribution"),
        ("一、财政拨款收入", "fiscal_grant"),
        ("三、国有资本经营预算", "state_capital_grant"),
        ("二十一、国有资本经营预算", "class_expense"),  # the same words on the expense side: class 223
        ("合计", "income_this_year_total"),
    ],
)
def test_two_sided_line_wordings_of_other_templates_and_years(printed, item):
    """Each printed line of table 01 gets its item; none is left 'unrecognised'."""
    side = "expense" if item in ("carryover_end", "balance_distribution", "class_expense") else "income"
    row = f"{printed}\t9\t12.34\t\t\t" if side == "income" else f"\t9\t\t{printed}\t59\t12.34"
    first, end = table_block(T01)
    lines = [*LINES[:first], *LINES[first : first + 3], row, *LINES[first + 3 : end], *LINES[end:]]
    parsed = parse(lines)
    got = [(t.side, t.line_item) for t in parsed.totals["01"] if t.source_line == first + 4]
    assert got == [(side, item)]
    assert not any("not a known line item" in w for w in parsed.document.warnings)


def test_a_two_sided_line_no_item_names_is_reported():
    first, _ = table_block(T01)
    lines = [*LINES[: first + 3], "专项转移收入\t9\t12.34\t\t\t", *LINES[first + 3 :]]
    assert "table 01 line 94: '专项转移收入' is not a known line item; read as 'unrecognised'" in (
        parse(lines).document.warnings
    )


def test_table04_in_the_older_template():
    """一、本年收入 over its fund lines, 二、上年结转 over its own, 年终结转结余: the carried-over fund line is a part
    of the carry-over, not a second 一般公共预算 grant."""
    rows = [
        "收入\t\t\t支出\t\t\t",
        "项目\t行次\t金额\t项目\t行次\t合计\t一般公共预算财政拨款",
        "栏次\t\t1\t栏次\t\t2\t3",
        "一、本年收入\t1\t3,797.75\t一、本年支出\t30\t3,797.75\t3,797.75",
        "（一）一般公共预算财政拨款\t2\t3,797.75\t（一）一般公共服务支出\t31\t3,797.75\t3,797.75",
        "二、上年结转\t4\t30.00\t二、年终结转结余\t36\t30.00\t30.00",
        "（一）一般公共预算财政拨款\t5\t30.00\t\t\t\t",
        "收入总计\t8\t3,827.75\t支出总计\t37\t3,827.75\t3,827.75",
    ]
    parsed = parse(replace_grid(T04, rows))
    income = [(t.line_item, t.amount, t.is_subtotal) for t in parsed.totals["04"] if t.side == "income"]
    assert income == [
        ("income_this_year_total", Decimal("3797.75"), True),
        ("gpb_grant", Decimal("3797.75"), False),
        ("carryover_begin", Decimal("30.00"), True),
        ("carryover_begin", Decimal("30.00"), False),
        ("grand_total", Decimal("3827.75"), True),
    ]


def test_table04_with_the_2014_templates_fund_words():
    """Table 04 naming its 一般公共预算 fund 公共财政拨款 (the 2014 template; income line 一、公共财政拨款): read as
    that fund (the table had been refused: a column naming neither a fund nor the total)."""
    first, end = table_block(T04)
    lines = list(LINES)
    for i in range(first, end):
        lines[i] = re.sub("一般公共预算财政拨款?", "公共财政拨款", lines[i])
    assert lines != LINES

    def read(parsed: ParsedDocument) -> list[tuple]:
        return [(t.side, t.line_item, t.fund, t.subject_code, t.amount) for t in parsed.totals["04"]]

    parsed = parse(lines)
    assert read(parsed) == read(REAL) and parsed.document.warnings == []


_BESIDE = [
    ("年初预算数", "决算数"),
    ("上年决算数", "本年决算数"),
    ("上年数", "决算数"),
    ("2023年决算数", "2024年决算数"),
]


@pytest.mark.parametrize(("other", "final"), _BESIDE)
def test_budget_columns_beside_the_final_figures_are_left_out(other, final):
    """年初预算数 | 决算数, or a prior year's figures (上年决算数 | 本年决算数, 2023年 | 2024年) on each side of
    table 01: only this year's 决算 figures are read, with a warning (the prior year's had been read as the amount,
    this year's as a second one)."""
    first, end = table_block(T01)
    rows = ["收入\t\t\t\t支出\t\t\t", f"项目\t行次\t{other}\t{final}\t项目\t行次\t{other}\t{final}"]
    rows.append("栏次\t\t1\t2\t栏次\t\t3\t4")
    for line in LINES[first + 3 : end]:
        c = line.split("\t")
        rows.append("\t".join([c[0], c[1], "1.00" if c[2] else "", c[2], c[3], c[4], "1.00" if c[5] else "", c[5]]))
    parsed = parse(replace_grid(T01, rows))
    assert sorted((t.side, t.line_item, t.amount) for t in parsed.totals["01"]) == sorted(
        (t.side, t.line_item, t.amount) for t in REAL.totals["01"]
    )
    warning = "table 01: budget or prior-year columns (栏次 1, 3) are not this year's 决算 figures; not read"
    assert warning in parsed.document.warnings


@pytest.mark.parametrize("flat", [False, True], ids=["two_rows", "one_row"])
def test_table04_budget_group_beside_the_final_group_on_the_expense_side(flat):
    """04's expense side with 年初预算数 over 小计 and the three funds, then 决算数 over the same four, the header in
    two rows or flattened into one (年初预算数 小计 | 一般公共预算财政拨款 | … | 决算数 小计 | …): the budget columns
    are left out with a warning (flattened, the budget's fund columns had been read as the 决算 ones)."""
    first, end = table_block(T04)
    funds = ["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"]
    groups = [["年初预算数 小计", *funds, "决算数 小计", *funds]]
    if not flat:
        groups = [["年初预算数", "", "", "", "决算数", "", "", ""], ["小计", *funds] * 2]
    rows = [
        "\t".join([*(["项目", "行次", "决算数", "项目", "行次"] if k == 0 else [""] * 5), *g])
        for k, g in enumerate(groups)
    ]
    rows.append("栏次\t\t1\t栏次\t\t2\t3\t4\t5\t6\t7\t8\t9")
    for line in LINES[next(i for i in range(first, end) if LINES[i].startswith("栏次")) + 1 : end]:
        c = line.split("\t") + [""] * 9
        rows.append("\t".join([*c[:5], *("1.00" if x else "" for x in c[5:9]), *c[5:9]]))
    parsed = parse(replace_grid(T04, rows))
    final = [(t.side, t.line_item, t.column_key, t.amount) for t in parsed.totals["04"] if t.column_key != "budget"]
    assert sorted(final) == sorted((t.side, t.line_item, t.column_key, t.amount) for t in REAL.totals["04"])
    assert parsed.document.warnings == [
        "table 04: budget or prior-year columns (栏次 2, 3, 4, 5) are not this year's 决算 figures; not read"
    ]


def test_two_sided_table_with_side_names_as_the_label_headers():
    """收入 | 行次 | 金额 | 支出 | 行次 | 金额 as the only header row (no 项目 cells)."""
    first, end = table_block(T01)
    rows = ["收入\t行次\t金额\t支出\t行次\t金额", *LINES[first + 2 : end]]
    parsed = parse(replace_grid(T01, rows))
    assert values(parsed)["totals"] == values(REAL)["totals"]


def test_evaluation_budget_printed_in_yuan():
    """预算执行情况（元）: A and B stored in 万元 like every other amount."""
    at = next(i for i, line in enumerate(LINES) if line.startswith("预算执行情况 (万元)"))
    values_at = next(i for i in range(at + 1, at + 4) if re.search(r"\t[\d,]+\.\d+\t", LINES[i]))

    def yuan(m: re.Match) -> str:
        return f"{Decimal(m.group().replace(',', '')) * 10000:,.2f}"

    lines = list(LINES)
    lines[at] = lines[at].replace("(万元)", "(元)")
    lines[values_at] = re.sub(r"(?<=\t)[\d,]+\.\d+(?=\t)", yuan, lines[values_at], count=2)
    assert "3,534,800.00" in lines[values_at]

    def budgets(parsed: ParsedDocument) -> list[tuple]:
        return [(e.budget_wan, e.executed_wan, e.budget_score_reported) for e in parsed.evaluations]

    assert budgets(parse(lines)) == budgets(REAL)


T03 = "2024 年度支出决算表"


def test_header_words_wrapped_onto_a_second_header_row():
    """本年收入合 / 计 and 附属单位上 / 缴收入 (table 02), 对附属单位补 / 助支出 (table 03, its header printed one
    column left of the 栏次 numbers as in the real document): each column keeps its meaning."""
    first02, _ = table_block(T02)
    first03, _ = table_block(T03)
    lines = list(LINES)
    lines[first02] = "项目\t\t\t\t本年收入合\t财政拨款收\t上级补助收\t事业收入\t经营收入\t附属单位上\t其他收入"
    lines[first03] = "项目\t\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补\t"
    lines.insert(first03 + 1, "\t\t\t\t\t\t\t\t助支出\t")
    lines.insert(first02 + 1, "\t\t\t\t计\t入\t入\t\t\t缴收入\t")
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def extra_column(caption: str, word: str, at: int, lines: list[str] = LINES) -> list[str]:
    """A subject table with an amount column headed ``word`` inserted before its amount column ``at`` (0-based), 7.77
    in every row with amounts; the header word at the same place among the header's words as the column among the
    amount columns (table 03 prints its header one column left of the 栏次 numbers)."""
    first, end = table_block(caption, lines)
    rows = [line.split("\t") for line in lines[first:end]]
    numbering = next(k for k, r in enumerate(rows) if "栏次" in r)
    col = rows[numbering].index("1") + at
    head = next(k for k, t in enumerate(rows[0]) if k and t) + at
    out = []
    for k, r in enumerate(rows):
        if k == 0:
            r = [*r[:head], word, *r[head:]]
        elif k == numbering:
            r = [*r[: col - at], *map(str, range(1, len(r) - col + at + 2))]
        else:
            r = [*r[:col], "7.77" if k > numbering and any(map(parse_amount, r[col - at :])) else "", *r[col:]]
        out.append("\t".join(r))
    return [*lines[:first], *out, *lines[end:]]


@pytest.mark.parametrize(
    ("caption", "word", "at", "key"),
    [
        (T03, "其他资金", 0, "col1"),  # the 7.77 had been read as 本年支出合计, silently
        (T03, "上年结转", 0, "carryover_begin"),  # the same
        (T03, "年初结转和结余", 0, "carryover_begin"),
        (T03, "年末结转和结余", 6, "carryover_end"),
        (T02, "上年财政拨款结转", 1, "carryover_begin"),  # had been read as 财政拨款收入
        (T02, "年初结转和结余", 0, "carryover_begin"),
        (T02, "年末结转和结余", 7, "carryover_end"),
        (T02, "其他资金", 7, "col8"),
        (T03, "上年决算数", 0, None),  # had been read as 本年支出合计
        (T03, "上年决算数", 1, None),
        (T02, "上年决算数", 0, None),
    ],
)
def test_subject_table_with_a_column_the_template_does_not_have(caption, word, at, key):
    """Tables 02/03 with a carry-over column (上年结转, 年初结转和结余 …), an unknown one (其他资金) or last year's
    figures (上年决算数) before, among or after the amount columns: every other column keeps its meaning; the
    carry-over is named so, never an income source or an expense kind; an unknown column is reported as unnamed,
    and last year's left out with a warning."""
    table = "02" if caption == T02 else "03"
    parsed = parse(extra_column(caption, word, at))
    got = {k: v for k, v in values(parsed)["subjects"].items() if k[0] == table}
    extra = {k: v for k, v in got.items() if k[3] not in {k[3] for k in values(REAL)["subjects"]}}
    assert {k: v for k, v in got.items() if k not in extra} == {
        k: v for k, v in values(REAL)["subjects"].items() if k[0] == table
    }
    assert {k[3] for k in extra} == ({key} if key else set()) and set(extra.values()) <= {Decimal("7.77")}
    number = at + 1
    assert [w for w in parsed.document.warnings if w.startswith(f"table {table}:")] == (
        [f"table {table}: budget or prior-year columns (栏次 {number}) are not this year's 决算 figures; not read"]
        if key is None
        else [
            f"table {table}: amount column 栏次 {number} is not named by a known header word; its amounts (24 rows) "
            "stay in staging and enter no fact"
        ]
        if key.startswith("col")
        else []
    )


@pytest.mark.parametrize("word", ["上解上级支出", "对下级单位补助支出", "经营性支出", "某某支出"])
def test_shifted_header_with_a_word_of_another_template(word):
    """Table 03's header (one column left of its 栏次 numbers) with one word unknown or worded otherwise: the
    other columns keep their meaning; an unknown word leaves only its own column unnamed."""
    renamed = {"上解上级支出": "上缴上级支出", "对下级单位补助支出": "对附属单位补助支出", "经营性支出": "经营支出"}
    lines = in_table(T03, lambda line: line.replace(renamed.get(word, "经营支出"), word))
    parsed = parse(lines)
    keys = {k for r in parsed.subjects["03"] for k in r.amounts}
    real = {k for r in REAL.subjects["03"] for k in r.amounts}
    assert keys == (real if word in renamed else real - {"operating"} | {"col5"})
    assert values(parsed)["subjects"] == values(REAL)["subjects"]


def indicators(parsed: ParsedDocument) -> list[tuple]:
    return [
        (i.level1, i.level2, i.indicator, i.target_text, i.actual_text, i.weight, i.score_reported)
        for e in parsed.evaluations
        for i in e.indicators
    ]


def test_indicator_with_blank_score_and_a_bare_number_actual():
    """专题策划 | 27 个 | 42 | 1.01 | (blank 得分): read by the header's columns, not from the right (42 would
    have become the weight)."""
    at = next(i for i, line in enumerate(LINES) if "\t专题策划\t" in line)
    lines = list(LINES)
    lines[at] = lines[at].rsplit("\t", 1)[0] + "\t"
    got = indicators(parse(lines))
    want = indicators(REAL)
    k = next(k for k, i in enumerate(want) if i[2] == "专题策划")
    assert got[k] == (*want[k][:6], None) and want[k][4] == "42"
    assert got[:k] + got[k + 1 :] == want[:k] + want[k + 1 :]


def test_indicator_table_with_a_column_of_indicator_nature():
    """A 指标性质 column (正向/反向) between 三级指标 and 年初目标值: it names no indicator."""
    lines, in_table = list(LINES), False
    for n, line in enumerate(LINES):
        cells = line.split("\t")
        if "三级指标" in line and len(cells) > 5 and cells[4] == "" and "目标" in cells[5]:
            cells[4], in_table = "指标性质", True
        elif in_table and len(cells) > 5 and cells[3] and cells[4] == "" and cells[5]:
            cells[4] = "反向" if cells[5].startswith("≤") else "正向"
        elif "\t" not in line:
            in_table = False
        lines[n] = "\t".join(cells)
    assert sum("指标性质" in line for line in lines) >= 2 and sum("\t正向\t" in line for line in lines) > 10
    assert indicators(parse(lines)) == indicators(REAL)


T09 = "2024 年度财政拨款“三公”经费支出决算表"


def three_public(parsed: ParsedDocument) -> dict[tuple[str, str], Decimal | None]:
    return {(c.measure, c.item): c.amount for c in parsed.three_public}


ITEMS_ON_TOP = [
    "合计\t\t因公出国（境）费\t\t公务用车购置及运行维护费\t\t\t\t\t\t公务接待费\t",
    "\t\t\t\t小计\t\t公务用车购置费\t\t公务用车运行费\t\t\t",
    "预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数",
    "\t".join(map(str, range(1, 13))),
    "4.23\t4.23\t\t\t4.09\t4.09\t\t\t4.09\t4.09\t0.14\t0.14",
]
_G = "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费"
_S = "\t\t小计\t公务用车购置\t公务用车运行\t"
_V = "4.23\t\t4.09\t\t4.09\t0.14"
PRIOR_YEAR_GROUP = [
    "2023年决算数\t\t\t\t\t\t2024年预算数\t\t\t\t\t\t2024年决算数\t\t\t\t\t",
    "\t".join([_G] * 3),
    "\t".join([_S] * 3),
    "\t".join(map(str, range(1, 19))),
    "9.99\t1.00\t8.00\t5.00\t3.00\t0.99\t" + _V + "\t" + _V,
]
PRIOR_YEAR_COLUMN = [
    "项目\t上年决算数\t本年预算数\t本年决算数",
    "“三公”经费合计\t9.99\t4.23\t4.23",
    "1.因公出国（境）费\t1.00\t\t",
    "2.公务用车购置及运行维护费\t8.00\t4.09\t4.09",
    "其中：（1）公务用车购置费\t5.00\t\t",
    "（2）公务用车运行维护费\t3.00\t4.09\t4.09",
    "3.公务接待费\t0.99\t0.14\t0.14",
]
_G2 = "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t\t"
_S2 = "\t\t小计\t公务用车购置费\t公务用车运行维护费\t小计\t国内接待费\t外事接待费"
_V2 = "4.23\t\t4.09\t\t4.09\t0.14\t0.10\t0.04"
RECEPTION_SPLIT = [
    "预算数\t\t\t\t\t\t\t\t决算数\t\t\t\t\t\t\t",
    _G2 + "\t" + _G2,
    _S2 + "\t" + _S2,
    "\t".join(map(str, range(1, 17))),
    _V2 + "\t" + _V2,
]


UNITS_IN_HEADER = [
    "项目\t预算数（万元）\t决算数（万元）",
    "合计\t4.23\t4.23",
    "1.因公出国（境）费\t\t",
    "2.公务用车购置及运行维护费\t4.09\t4.09",
    "其中：（1）公务用车购置费\t\t",
    "（2）公务用车运行维护费\t4.09\t4.09",
    "3.公务接待费\t0.14\t0.14",
]

_ITEM_ROWS = [
    ("合计", "4.23"),
    ("因公出国（境）费", ""),
    ("公务用车购置及运行维护费", "4.09"),
    ("其中：公务用车购置费", ""),
    ("公务用车运行维护费", "4.09"),
    ("公务接待费", "0.14"),
]
SERIAL_COLUMN = ["序号\t项目\t预算数\t决算数", *(f"{n}\t{item}\t{v}\t{v}" for n, (item, v) in enumerate(_ITEM_ROWS, 1))]
SERIAL_IN_CHINESE = [
    "序号\t项目\t预算数\t决算数",
    *(f"{n}\t{item}\t{v}\t{v}" for n, (item, v) in zip("一二三四五六", _ITEM_ROWS, strict=True)),
]
SERIAL_IN_LABEL = ["项目\t预算数\t决算数", *(f"{n}.{item}\t{v}\t{v}" for n, (item, v) in enumerate(_ITEM_ROWS, 1))]
# the total last, the first items' amounts blank (nothing above the first amount says where the header ends)
BLANK_FIRST = [
    "项目\t预算数\t决算数",
    *(f"{item}\t{v}\t{v}" for item, v in (_ITEM_ROWS[k] for k in (1, 3, 2, 4, 5, 0))),
]


LAYOUTS_09 = [
    ITEMS_ON_TOP,
    PRIOR_YEAR_GROUP,
    PRIOR_YEAR_COLUMN,
    RECEPTION_SPLIT,
    UNITS_IN_HEADER,
    SERIAL_COLUMN,
    SERIAL_IN_CHINESE,
    SERIAL_IN_LABEL,
    BLANK_FIRST,
]


@pytest.mark.parametrize("rows", LAYOUTS_09)
def test_three_public_table_layouts(rows):
    """Items over 预算数 | 决算数 (merged item cells), a prior year's group or column (left out), 公务接待费
    split into 小计 | 国内接待费 | 外事接待费, a total labelled “三公”经费合计, 预算数（万元） in the header (a header
    row, not a caption), an item a row numbered in a 序号 column or in the label (1 | 合计, 一 | 合计, 1.合计: the
    total row had been dropped), items whose amounts are blank above the first amount (其中：公务用车购置费 | |,
    因公出国（境）费 | |: read as header rows, dropped silently): the same twelve figures."""
    parsed = parse(replace_grid(T09, rows))
    assert three_public(parsed) == three_public(REAL) and len(three_public(REAL)) == 12


@pytest.mark.parametrize(
    "rows",
    [
        ["项目\t金额", *(f"{item}\t{v}" for item, v in _ITEM_ROWS)],
        ["项目\t上年数\t本年数", *(f"{item}\t9.99\t{v}" for item, v in _ITEM_ROWS)],
        [_G, _S, "1\t2\t3\t4\t5\t6", _V],
    ],
)
def test_three_public_table_without_budget_or_final_words(rows):
    """09 as 项目 | 金额, as 项目 | 上年数 | 本年数, or an item a column over one row of figures, no 预算数 / 决算数
    word: the year's figures of a 决算表 are its 决算 figures (nothing had been read)."""
    parsed = parse(replace_grid(T09, rows))
    actual = {key: amount for key, amount in three_public(REAL).items() if key[0] == "actual"}
    assert three_public(parsed) == actual and len(actual) == 6 and parsed.document.warnings == []


@pytest.mark.parametrize("other", ["金额", "增减额"])
def test_three_public_item_rows_with_a_column_neither_budget_nor_final_are_refused(other):
    """09 as 项目 | 预算数 | 金额 (or 增减额): the column beside 预算数 is not said to be 决算; the table is refused
    with its reason (the budget figures were read and the other column's left out without a word)."""
    parsed = parse(replace_grid(T09, [f"项目\t预算数\t{other}", *(f"{item}\t{v}\t{v}" for item, v in _ITEM_ROWS)]))
    assert three_public(parsed) == {}
    assert any(f"amount column 栏次 2 ({other}) is neither 预算数 nor 决算数" in w for w in parsed.document.warnings)


def wrap_name(lines: list[str], code: str, style: str) -> list[str]:
    """The row of ``code`` in table 05 with its name broken over two rows: ``below`` (code and the first half
    above, the rest and the amounts below) or ``above`` (the first half alone above its row)."""
    first, end = table_block(T05, lines)
    at = next(i for i in range(first, end) if lines[i].startswith(code + "\t"))
    cells = lines[at].split("\t")
    head, tail = cells[1][: len(cells[1]) // 2], cells[1][len(cells[1]) // 2 :]
    blank = [""] * len(cells)
    if style == "below":
        rows = [[code, head, *blank[2:]], ["", tail, *cells[2:]]]
    else:
        rows = [["", head, *blank[2:]], [code, tail, *cells[2:]]]
    return [*lines[:at], *("\t".join(r) for r in rows), *lines[at + 1 :]]


@pytest.mark.parametrize("style", ["below", "above"])
def test_subject_names_wrapped_with_the_amounts_on_the_other_row(style):
    lines = wrap_name(wrap_name(LINES, "2010399", style), "2080505", style)
    parsed = parse(lines)
    names = {r.code: r.name_raw for r in parsed.subjects["05"]}
    assert names == {r.code: r.name_raw for r in REAL.subjects["05"]}
    assert values(parsed) == values(REAL)


@pytest.mark.parametrize("label", ["部门（单位）名称", "单位名称", "部门名称"])
def test_overall_evaluation_naming_the_unit(label):
    """The 整体支出 templates name the unit (部门（单位）名称 …), not a project: the evaluation is still read."""
    at = next(i for i, line in enumerate(LINES) if line.startswith("项目名称\t"))
    lines = [*LINES[:at], LINES[at].replace("项目名称", label, 1), *LINES[at + 1 :]]
    got, want = parse(lines).evaluations, REAL.evaluations
    assert [(e.kind, e.fields, e.budget_wan, len(e.indicators)) for e in got] == [
        (e.kind, e.fields, e.budget_wan, len(e.indicators)) for e in want
    ]
    assert want[0].kind == "unit_overall"


_SECTION = re.compile(r"^(#+ (?:\*\*)?)([一二三四五六七八九十]+)、(.*说明)(\**)$")


def _body_headings(change: Callable[[re.Match], str]) -> list[str]:
    """The real document with the 情况说明 section headings of its body (not its contents) changed."""
    body = next(k for k, line in enumerate(LINES) if line.startswith("## 第三部分") and k > 300)
    return [_SECTION.sub(change, line) if k > body else line for k, line in enumerate(LINES)]


def heading_and_first_sentence_on_one_line() -> list[str]:
    out, k = list(LINES), next(k for k, line in enumerate(LINES) if line.startswith("## 第三部分") and k > 300)
    while k < len(out) - 2:
        if (m := _SECTION.match(out[k])) and out[k + 1] == "" and out[k + 2] and not out[k + 2].startswith("#"):
            out[k : k + 3] = [f"{m.group(2)}、{m.group(3)}{out[k + 2]}", "", ""]  # the line count kept
        k += 1
    return out


@pytest.mark.parametrize(
    "layout",
    [
        lambda: _body_headings(lambda m: f"{m.group(1)}{m.group(2)}．{m.group(3)}{m.group(4)}"),  # 一．
        lambda: _body_headings(lambda m: f"{m.group(1)}{m.group(3)}{m.group(4)}"),  # no numbers
        lambda: _body_headings(  # the unit and year in every heading
            lambda m: f"{m.group(1)}{m.group(2)}、武汉市信息中心（武汉市大数据中心）2024年度{m.group(3)}{m.group(4)}"
        ),
        heading_and_first_sentence_on_one_line,
    ],
)
def test_narrative_section_headings_printed_otherwise(layout):
    lines = layout()
    assert sum(a != b for a, b in zip(lines, LINES, strict=True)) >= 8
    key = [(s.section, s.key, s.amount_wan, s.percent, s.quantity) for s in REAL.statements]
    assert [(s.section, s.key, s.amount_wan, s.percent, s.quantity) for s in parse(lines).statements] == key
    assert len(key) == 76


def test_a_title_year_the_tables_contradict_is_reported():
    at = LINES.index("# 2024 年度武汉市信息中心（武汉市大数据中心）决算公开")
    lines = [*LINES[:at], "# 2023 年度武汉市信息中心（武汉市大数据中心）决算公开", *LINES[at + 1 :]]
    doc = parse_document("forms.md", "\n".join(lines).encode("utf-8"))
    assert doc.fiscal_year == 2023 and doc.warnings == ["the title says 2023, the tables' captions 2024"]
    assert REAL.document.warnings == []


def test_table06_as_two_grids_under_sub_headings():
    """人员经费 and 公用经费 printed as two grids, each under its sub-heading and with the same header row: the
    second is a part of table 06, not an unknown table."""
    truth = truth_of("wuhan-info-center-2024.md")
    econ = {**truth["econ_class"], **truth["econ"]}
    first, end = table_block(T06)
    parts = []
    for heading, prefixes in (("（一）人员经费", ("301", "303")), ("（二）公用经费", ("302", "310"))):
        rows = [f"{c}\t\t{Decimal(str(econ[c])):,.2f}" for c in sorted(econ) if c.startswith(prefixes)]
        parts += ["", heading, "", "科目编码\t科目名称\t决算数", *rows]
    parsed = parse([*LINES[:first], *parts[3:], *LINES[end:]])
    assert {r.code: r.amount for r in parsed.econ} == {c: Decimal(str(v)) for c, v in econ.items()}
    assert parsed.document.warnings == []


def test_table06_as_one_list_with_group_rows():
    """科目编码 | 科目名称 | 决算数 with 人员经费 and 公用经费 rows above their classes: the group rows are the
    personnel and public-use totals, not classes without a code."""
    truth = truth_of("wuhan-info-center-2024.md")
    econ = {**truth["econ_class"], **truth["econ"]}
    first, end = table_block(T06)
    rows = ["科目编码\t科目名称\t决算数"]
    for group, prefixes in (("人员经费", ("301", "303")), ("公用经费", ("302", "310"))):
        codes = [c for c in sorted(econ) if c.startswith(prefixes)]
        total = sum(Decimal(str(econ[c])) for c in codes if len(c) == 3)
        rows += [f"\t{group}\t{total:,.2f}", *(f"{c}\t\t{Decimal(str(econ[c])):,.2f}" for c in codes)]
    parsed = parse([*LINES[:first], *rows, *LINES[end:]])
    assert {r.code: r.amount for r in parsed.econ if r.total_key is None} == {
        c: Decimal(str(v)) for c, v in econ.items()
    }
    totals = {r.total_key: r.amount for r in parsed.econ if r.total_key}
    assert (
        totals
        == {r.total_key: r.amount for r in REAL.econ if r.total_key}
        == {
            "personnel_total": Decimal("1250.60"),
            "public_use_total": Decimal("130.32"),
        }
    )


def row_numbered_table05(head: str, first: bool, number: Callable[[int], str] = str) -> list[str]:
    """Table 05 with a column numbering its rows (``number(1)``, ``number(2)`` …) under ``head``, before the code
    or after the name."""
    rows = [
        f"{head}\t科目编码\t科目名称\t合计\t基本支出\t项目支出"
        if first
        else f"科目编码\t科目名称\t{head}\t合计\t基本支出\t项目支出"
    ]
    rows.append("栏次\t\t\t1\t2\t3")
    for n, r in enumerate(REAL.subjects["05"], 1):
        code, name, k = r.printed_code or "", "合计" if r.is_total else r.name_raw, number(n)
        amounts = "\t".join(v[1] for v in r.amounts.values())
        rows.append(f"{k}\t{code}\t{name}\t{amounts}" if first else f"{code}\t{name}\t{k}\t{amounts}")
    return replace_grid(T05, rows)


def chinese(n: int) -> str:
    """1 … 99 in Chinese numerals: 一, 十二, 二十四."""
    tens, units = divmod(n, 10)
    return (
        ("一二三四五六七八九"[tens - 1] if tens > 1 else "")
        + ("十" if tens else "")
        + " 一二三四五六七八九"[units].strip()
    )


@pytest.mark.parametrize(("head", "number"), [("行次", str), ("编号", str), ("No.", str), ("", str), ("序号", chinese)])
@pytest.mark.parametrize("first", [False, True])
def test_subject_table_with_a_row_number_column(head, number, first):
    """A row-number column (1, 2, … 24, or 一, 二, … 二十四) beside the code and name in table 05, headed 行次, 编号,
    No. or nothing: row numbers are not codes (编号 / No. before the code had glued 10 … 24 into them: 208 + 11 +
    2080502) nor a part of the name."""
    parsed = parse(row_numbered_table05(head, first, number))
    assert [(r.code, r.name_raw) for r in parsed.subjects["05"]] == [(r.code, r.name_raw) for r in REAL.subjects["05"]]
    assert values(parsed)["subjects"] == values(REAL)["subjects"] and parsed.document.warnings == []


@pytest.mark.parametrize("caption", [T02, T03])
def test_subject_table_with_a_row_number_column_last_and_no_column_number_row(caption):
    """Tables 02 and 03 printed without their 栏次 row and a 序号 column after the amounts: the row numbers are no
    amount column (they had been read as one, with a warning)."""
    first, end = table_block(caption)
    grid = [line.split("\t") for line in LINES[first:end]]
    numbering = next(k for k, r in enumerate(grid) if "栏次" in r)
    rows = ["\t".join([*r, str(k - numbering) if k > numbering else ""]) for k, r in enumerate(grid) if k != numbering]
    parsed = parse(replace_grid(caption, rows))
    assert values(parsed)["subjects"] == values(REAL)["subjects"] and parsed.document.warnings == []


def test_subject_table_whose_row_numbers_do_not_run_1_to_n_is_refused():
    """Row numbers restarting on a second page (1 … 12, 1 … 12) do not run 1..n, so they are not told from code
    parts: a number glued onto a code (208 + 10 + 20805) reads as no 类/款/项 code, and table 05 is refused."""
    parsed = parse(row_numbered_table05("编号", True, lambda n: str((n - 1) % 12 + 1)))
    assert "05" not in parsed.subjects
    line = table_block(T05)[0] + 12  # data row 10, under the header and 栏次 rows (line numbers count from 1)
    assert parsed.document.warnings == [
        f"table 05 (line {line}): code 2081020805 (printed 10 | 20805) is no 类/款/项 code: "
        "table 05 一般公共预算财政拨款支出决算表 not read"
    ]


@pytest.mark.parametrize("caption", [T01, T04])
@pytest.mark.parametrize("head", ["序号", "No.", ""])
@pytest.mark.parametrize("numbered", [True, False])
def test_two_sided_table_with_a_row_number_column_before_each_side(caption, head, numbered):
    """Tables 01 and 04 with a 序号 column (1, 2, … under 序号, No. or nothing) before each side's 项目 column, with or
    without the 栏次 row: without it the expense side's row numbers, last in the income side's span, had been read as
    an income amount column (一般公共预算财政拨款收入 1 instead of 3,797.75)."""
    first, end = table_block(caption)
    grid = [line.split("\t") for line in LINES[first:end]]
    numbering = next(k for k, r in enumerate(grid) if r[0] == "栏次")
    at = next(r for r in grid if r.count("项目") == 2).index("项目", 1)
    rows = []
    for k, r in enumerate(grid):
        mark = str(k - numbering) if k > numbering else head if r.count("项目") == 2 else ""
        if k != numbering or numbered:
            rows.append("\t".join([mark, *r[:at], mark, *r[at:]]))
    parsed = parse(replace_grid(caption, rows))
    assert values(parsed)["totals"] == values(REAL)["totals"] and parsed.document.warnings == []


def test_a_table_whose_layout_is_not_read_leaves_the_rest_of_the_document():
    """Table 01 in whole 元 without separators or a 栏次 row (no column can be told an amount): the table is
    reported and left out; every other table, the narrative and the evaluations still load."""
    first, end = table_block(T01)
    rows = ["收入\t\t\t支出\t\t", "项目\t行次\t金额\t项目\t行次\t金额"]
    rows += ["一、一般公共预算财政拨款收入\t1\t37977500\t一、一般公共服务支出\t31\t29019100"]
    parsed = parse([*LINES[:first], *rows, *LINES[end:]])
    reason = f"table 01 (line {first + 1}): no 栏次 row and no printed amount found"
    assert f"{reason}: table 01 收入支出决算总表 not read" in parsed.document.warnings
    assert "01" not in parsed.totals and parsed.totals["04"]
    real = values(REAL)
    assert values(parsed)["subjects"] == real["subjects"] and values(parsed)["econ"] == real["econ"]
    assert len(parsed.statements) == len(REAL.statements) and len(parsed.evaluations) == len(REAL.evaluations)


def stacked(caption: str, headed: bool, numbered: bool = True) -> list[str]:
    """A two-sided table printed with its sides one above the other: the 支出 part under its own heading rows
    (``headed``) or straight after the 收入 part's 总计; with or without the 栏次 rows."""
    first, end = table_block(caption)
    rows = [line.split("\t") for line in LINES[first:end]]
    head = next(i for i, r in enumerate(rows) if r[0] == "栏次") + 1
    split = rows[1].index("项目", 1)
    income = [r[:split] for r in rows[:head]] + [r[:split] for r in rows[head:] if r[0] or r[2]]
    expense = [r[split:] for r in rows[:head]] if headed else []
    expense += [r[split:] for r in rows[head:] if r[split]]
    grid = [r for r in income + expense if numbered or r[0] != "栏次"]
    return [*LINES[:first], *("\t".join(r) for r in grid), *LINES[end:]]


@pytest.mark.parametrize(
    ("caption", "headed", "numbered"),
    [(T01, True, True), (T01, False, True), (T04, True, True), (T01, True, False), (T04, True, False)],
)
def test_two_sided_tables_printed_with_their_sides_stacked(caption, headed, numbered):
    """收入 part above 支出 part in one 项目 column (was left out with a warning), with or without 栏次 rows (without,
    the income side was lost): every line, side and column as when printed side by side; 04's expense part keeps
    its fund columns from its own header."""
    code = "01" if caption == T01 else "04"

    def lines(parsed) -> list[tuple]:
        return sorted((t.side, t.line_item, t.column_key, t.fund, t.amount) for t in parsed.totals[code] if t.amount)

    parsed = parse(stacked(caption, headed, numbered))
    assert lines(parsed) == lines(REAL) and len(lines(REAL)) >= 10
    assert parsed.document.warnings == []


def test_stacked_sides_with_more_columns_below_than_the_header_names():
    """Table 04 stacked with no heading over its 支出 part: the fund columns below have no header; the table is
    left out with the reason (only the first column had been read, as 'amount')."""
    parsed = parse(stacked(T04, headed=False))
    assert "04" not in parsed.totals
    first, _ = table_block(T04)
    assert parsed.document.warnings == [
        f"table 04 (line {first + 1}): sides stacked, the 支出 part with amount columns no header over it names: "
        "table 04 财政拨款收入支出决算总表 not read"
    ]


@pytest.mark.parametrize(
    ("table", "caption"),
    [("01", "2024 年度收入支出决算表"), ("04", "2024 年度财政拨款收入支出决算表"), ("01", "2024 年度收支决算表")],
)
def test_two_sided_captions_without_zong(table, caption):
    """收入支出决算表 without 总 is table 01 (财政拨款… table 04), not table 03."""
    original = {"01": T01, "04": T04}[table]
    lines = [caption if line == original else line for line in LINES]
    parsed = parse(lines)
    assert {s.table_code: s.caption for s in parsed.statuses}[table] == caption
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


def test_markdown_bold_footnote_marks_and_remarks_in_cells():
    """**合计** and **3,797.75** in cells, 1,380.92① with a footnote mark, a remark beside 合计 in its row
    (table 05)."""
    first, end = table_block(T05)
    lines = list(LINES)
    total = next(i for i in range(first, end) if lines[i].startswith("合计\t"))
    cells = lines[total].split("\t")
    assert cells[1:4] == ["", "", ""] and cells[4:7] == ["3,797.75", "1,380.92", "2,416.83"]
    lines[total] = "\t".join(["**合计**", "含上年结转", "", "", "**3,797.75**", "1,380.92①", *cells[6:]])
    parsed = parse(lines)
    assert values(parsed) == values(REAL) and parsed.document.warnings == []
    assert parsed.subjects["05"][0].is_total


@pytest.mark.parametrize(
    "printed",
    [
        "1,4O1.71",
        "14 01.71",  # a space that does not group thousands (was read as 1401.71)
        "5 1,401.71",  # two cells run together (was 51401.71)
        "(1,401.71",  # a bracket without its pair: cut off (was -1401.71)
        "1,401.71)",  # (was +1401.71)
        "(-1,401.71)",  # negative twice (was -1401.71)
        "1,401.71元",
        "1,401.71 万元",
        "¥1,401.71",
        "￥1,401.71",
    ],
)
def test_amount_cells_that_are_not_numbers_are_reported(printed):
    """Cells no printed form reads exactly are stored as NULL with a warning, never as a guessed value."""
    lines = in_table(T05, lambda line: line.replace("\t1,401.71", f"\t{printed}", 1))
    row = next(r for r in parse(lines).subjects["05"] if r.code == "2010399")
    assert row.amounts["total"][:2] == (None, printed)
    warning = next(w for w in parse(lines).document.warnings if w.startswith("table 05:"))
    assert warning == f"table 05: 1 amount cell is not a number (first: '{printed}' at line {row.line}); stored as NULL"


_AMOUNT = re.compile(r"(?<![\d,.])(\d[\d,]*\.\d\d)(?![\d.])")


@pytest.mark.parametrize(
    ("form", "sign"),
    [
        (lambda a: f"({a})", -1),
        (lambda a: f"（{a}）", -1),
        (lambda a: f"－{a}", -1),  # full-width minus
        (lambda a: f"-{a}", -1),
        (lambda a: a.translate(str.maketrans("0123456789,.", "０１２３４５６７８９，．")), 1),  # １，２３４．５６
        (lambda a: a.replace(",", "\u2009"), 1),  # thin space
        (lambda a: a.replace(",", "\xa0"), 1),  # no-break space
        (lambda a: a.replace(",", "\u202f"), 1),  # narrow no-break space
        (lambda a: a.replace(",", " "), 1),
    ],
    ids=["brackets", "wide_brackets", "wide_minus", "minus", "wide_digits", "thin", "nbsp", "narrow_nbsp", "space"],
)
def test_amount_forms_read_exactly(form, sign):
    """Every amount of table 05 printed negative in brackets or with a minus, in full-width digits and punctuation, or
    grouped by spaces: each read exactly, without a warning."""
    lines = in_table(T05, lambda line: _AMOUNT.sub(lambda m: form(m.group(1)), line))
    parsed = parse(lines)
    got = {k: v for k, v in values(parsed)["subjects"].items() if k[0] == "05"}
    assert got == {k: sign * v for k, v in values(REAL)["subjects"].items() if k[0] == "05"} and len(got) > 40
    assert parsed.document.warnings == []


def test_prior_year_figures_in_the_narrative_are_not_this_years():
    at = next(i for i, line in enumerate(LINES) if "收、支总计" in line and "万元" in line)
    lines = list(LINES)
    lines[at] = lines[at] + "（上年收、支总计均为3,295.68万元）"
    got = [(s.key, s.amount_wan) for s in parse(lines).statements if s.key in ("income_total", "expense_total")]
    assert got == [(s.key, s.amount_wan) for s in REAL.statements if s.key in ("income_total", "expense_total")]


def test_indicator_table_with_a_unit_of_measure_column():
    """年度指标值 | 度量单位 | 实际完成值 (55 | 家 | 55): the unit is read with the target and with a bare actual."""
    head = next(i for i, line in enumerate(LINES) if "三级指标" in line and "\t\t年初目标" in line)
    cells = LINES[head].split("\t")
    lines, k, units = list(LINES), head + 1, {}
    lines[head] = "\t".join([*cells[:4], "度量单位", *cells[5:]])
    while (row := lines[k].split("\t"))[3] and (m := re.fullmatch(r"([≥≤]?)(\d+)\s*(\S+)", row[5])):
        units[k + 1] = m.group(3)  # by source line
        actual = row[6].replace(" ", "").removesuffix(m.group(3))
        lines[k] = "\t".join([*row[:4], m.group(3), m.group(1) + m.group(2), actual, *row[7:]])
        k += 1
    assert len(units) > 3
    lines_of = [i.line for e in REAL.evaluations for i in e.indicators]
    got, want = indicators(parse(lines)), indicators(REAL)
    assert len(got) == len(want) == len(lines_of)
    for line, g, w in zip(lines_of, got, want, strict=True):
        assert g[:3] == w[:3] and g[5:] == w[5:] and g[3].replace(" ", "") == w[3].replace(" ", "")
        bare = w[4].replace(" ", "")  # an actual printed without its unit (42 under 27 个) now has it: 42个
        unit = units.get(line, "") if re.fullmatch(r"[\d.]+", bare) else ""
        assert g[4].replace(" ", "") == bare + unit


def test_basic_expense_printed_only_as_its_two_parts():
    """基本支出 over 人员经费 | 公用经费 without a 小计: neither part is the basic column (人员经费 alone was read as
    基本支出); each is named as its part of basic (fct_expense sums them; they had been left unnamed)."""
    rows = ["科目编码\t科目名称\t合计\t基本支出\t\t项目支出", "\t\t\t人员经费\t公用经费\t", "栏次\t\t1\t2\t3\t4"]
    rows += [
        "合计\t\t3,797.75\t1,250.60\t130.32\t2,416.83",
        "201\t一般公共服务支出\t2,901.91\t679.49\t130.32\t2,092.10",
    ]
    parsed = parse(replace_grid(T05, rows))
    parts = [(r.amounts["basic_personnel"][0], r.amounts["basic_public_use"][0]) for r in parsed.subjects["05"]]
    assert [set(r.amounts) for r in parsed.subjects["05"]] == [
        {"total", "basic_personnel", "basic_public_use", "project"}
    ] * 2
    assert parts == [(Decimal("1250.60"), Decimal("130.32")), (Decimal("679.49"), Decimal("130.32"))]
    assert parsed.document.warnings == []


def grid_tables(lines: list[str] = LINES) -> list[str]:
    """Every tab-separated table as a pandoc grid table: +---+ rule lines around each row, the header under a
    +===+ rule; long names broken over two lines of their cell."""
    out, k = [], 0
    while k < len(lines):
        if "\t" not in lines[k]:
            out.append(lines[k])
            k += 1
            continue
        rows = []
        while k < len(lines) and "\t" in lines[k]:
            rows.append(lines[k].split("\t"))
            k += 1
        width = max(map(len, rows))
        rule = "+" + "+".join(["------"] * width) + "+"
        out.append(rule)
        for n, cells in enumerate(rows):
            cells += [""] * (width - len(cells))
            if any(len(c) > 12 and not re.search(r"\d", c) for c in cells):  # a long name over two lines
                out.append(
                    "| " + " | ".join(c[:8] if len(c) > 12 and not re.search(r"\d", c) else c for c in cells) + " |"
                )
                out.append(
                    "| " + " | ".join(c[8:] if len(c) > 12 and not re.search(r"\d", c) else "" for c in cells) + " |"
                )
            else:
                out.append("| " + " | ".join(cells) + " |")
            out.append(rule.replace("-", "=") if n == 0 else rule)
    return out


def test_pandoc_grid_tables():
    """Tables written as pandoc grid tables (cells over several lines): the same figures, identity and tables."""
    lines = grid_tables()
    assert sum(line.startswith("+---") for line in lines) > 100
    parsed = parse(lines)
    assert values(parsed)["subjects"] == values(REAL)["subjects"] and values(parsed)["econ"] == values(REAL)["econ"]
    assert three_public(parsed) == three_public(REAL)
    assert {(t.side, t.line_item, t.amount) for ls in parsed.totals.values() for t in ls} == {
        (t.side, t.line_item, t.amount) for ls in REAL.totals.values() for t in ls
    }
    assert [s.status for s in parsed.statuses] == [s.status for s in REAL.statuses]
    assert indicators(parsed) == indicators(REAL) and parsed.document.warnings == []


def test_merged_cells_written_into_every_cell_they_span():
    """As docling writes merged cells: a code in each 类 | 款 | 项 cell (was read as 201201201) and a side heading
    in each cell of its side (收入 | 收入 | 收入 | 支出 …: six side starts, no line of table 01 was read)."""
    first, end = table_block(T05)
    body = next(i for i in range(first, end) if LINES[i].startswith("栏次")) + 1
    rows = [
        "项目\t项目\t项目\t项目\t本年支出\t本年支出\t本年支出",
        "功能分类科目编码\t功能分类科目编码\t功能分类科目编码\t科目名称\t小计\t基本支出\t项目支出",
        "类\t款\t项\t科目名称\t小计\t基本支出\t项目支出",
        "栏次\t栏次\t栏次\t栏次\t1\t2\t3",
    ]
    rows += ["\t".join([c[0]] * 3 + [c[1], *c[4:7]]) for c in (line.split("\t") for line in LINES[body:end])]
    lines = [*LINES[:first], *rows, *LINES[end:]]
    lines = in_table(
        T01, lambda line: re.sub(r"^收入\t\t\t支出\t\t$", "收入\t收入\t收入\t支出\t支出\t支出", line), lines
    )
    parsed = parse(lines)
    assert [r.code for r in parsed.subjects["05"]] == [r.code for r in REAL.subjects["05"]]
    assert values(parsed) == values(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("flat", [False, True], ids=["two_rows", "one_row"])
@pytest.mark.parametrize(("other", "final"), _BESIDE)
def test_budget_group_beside_the_final_group(other, final, flat):
    """Table 05 with 年初预算数 (or a prior year's 上年决算数, 2023年决算数) over 小计 | 基本支出 | 项目支出, then
    决算数 over the same three (the group heading in its first cell only, or the header flattened into one row:
    年初预算数 小计 | 基本支出 | … | 决算数 小计 | …): the budget columns are left out with a warning, the 决算 ones
    keep their keys (the budget or prior year's columns had been read as the 决算 figures)."""
    first, end = table_block(T05)
    rows = [
        f"项目\t\t\t\t{other}\t\t\t{final}\t\t",
        "科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t小计\t基本支出\t项目支出",
        "栏次\t\t\t\t1\t2\t3\t4\t5\t6",
    ]
    if flat:
        rows[:2] = [f"科目编码\t科目名称\t\t\t{other} 小计\t基本支出\t项目支出\t{final} 小计\t基本支出\t项目支出"]
    body = next(i for i in range(first, end) if LINES[i].startswith("栏次")) + 1
    for line in LINES[body:end]:
        cells = line.split("\t")
        rows.append("\t".join([*cells[:4], "9.99", "9.99", "9.99", *cells[4:7]]))
    parsed = parse([*LINES[:first], *rows, *LINES[end:]])
    assert values(parsed)["subjects"] == values(REAL)["subjects"]
    assert parsed.document.warnings == [
        "table 05: budget or prior-year columns (栏次 1, 2, 3) are not this year's 决算 figures; not read"
    ]


@pytest.mark.parametrize(("prior", "final"), [("上年决算数", "决算数"), ("2023年决算数", "2024年决算数")])
def test_table06_panels_with_the_prior_years_figures_beside(prior, final):
    """Table 06 panels 经济分类 | 科目名称 | 上年决算数 | 决算数, the total row with both years: this year's figures are
    read (the prior year's had been read as the amounts and the totals)."""
    first, end = table_block(T06)

    def widen(k: int, line: str) -> str:
        cells = line.split("\t") + [""] * 9
        out = []
        for code, name, amount in (cells[p : p + 3] for p in (0, 3, 6)):
            out += [
                [code, "", name, amount],
                [code, name, prior, final],
                [code, name, "1.00" if amount else "", amount],
            ][k]
        return "\t".join(out)

    rows = [widen(min(k, 2), line) for k, line in enumerate(LINES[first : end - 1])]
    rows.append("人员经费合计\t\t9.99\t1,250.60\t公用经费合计\t\t\t\t\t\t9.99\t130.32")
    parsed = parse([*LINES[:first], *rows, *LINES[end:]])
    assert values(parsed)["econ"] == values(REAL)["econ"] and parsed.document.warnings == []


def widen_panels(line: str, at: int, blank: str = "") -> str:
    """A row of table 06 with ``blank`` inserted at ``at`` in each of its three panels (code | name | amount)."""
    cells = line.split("\t") + [""] * 9
    return "\t".join(c for p in (0, 3, 6) for c in [*cells[p : p + at], blank, *cells[p + at : p + 3]])


@pytest.mark.parametrize("at", [1, 2], ids=["before_the_name", "before_the_amount"])
def test_table06_empty_column_inside_each_panel(at):
    """An empty column a PDF extractor leaves in each panel of table 06 (经济分类 | | 科目名称, 科目名称 | | 决算数):
    every row is read with its printed code (the 人员经费 panel had been dropped without a word)."""
    parsed = parse(in_table(T06, lambda line: widen_panels(line, at)))
    assert values(parsed)["econ"] == values(REAL)["econ"] and parsed.document.warnings == []
    assert [(r.printed_code, r.code) for r in parsed.econ] == [(r.printed_code, r.code) for r in REAL.econ]


@pytest.mark.parametrize(
    ("header", "row", "reason"),
    [
        (lambda line: widen_panels(line, 2), 1, "'1,047.14' under no header word"),  # the header shifted, not the rows
        (lambda line: line.replace("决算数", "说明", 1), 0, "no 决算数 column beside '科目名称'"),
    ],
    ids=["figures_under_a_blank_header", "no_amount_column"],
)
def test_table06_panel_without_its_amount_column_is_refused(header, row, reason):
    """A 科目名称 column with no 决算数 column beside it, or figures under a column with no header word: table 06 is
    refused with the reason (the panel had been left out silently)."""
    first, end = table_block(T06)
    head = next(i for i in range(first, end) if LINES[i].startswith("经济分类"))
    parsed = parse([*LINES[:head], header(LINES[head]), *LINES[head + 1 :]])
    assert parsed.econ == [] and parsed.document.warnings == [
        f"table 06 (line {head + 1 + row}): {reason}: table 06 一般公共预算财政拨款基本支出决算表 not read"
    ]


@pytest.mark.parametrize("vehicle", ["公务用车购置和运行费", "公务用车购置费及运行费", "公务用车购置及运维费"])
def test_vehicle_subtotal_in_other_words(vehicle):
    """09 with one vehicle column worded other ways: the subtotal, not the purchase (no 运行 column beside it)."""
    rows = [
        "预算数\t\t\t\t决算数\t\t\t",
        f"合计\t因公出国（境）费\t{vehicle}\t公务接待费\t合计\t因公出国（境）费\t{vehicle}\t公务接待费",
        "1\t2\t3\t4\t5\t6\t7\t8",
        "4.23\t\t4.09\t0.14\t4.23\t\t4.09\t0.14",
    ]
    cells = {(c.measure, c.item): c.amount for c in parse(replace_grid(T09, rows)).three_public if c.amount}
    assert cells[("actual", "vehicle_subtotal")] == Decimal("4.09") and ("actual", "vehicle_purchase") not in cells


@pytest.mark.parametrize("joiner", [" ", ""])
def test_table09_header_flattened_into_one_row(joiner):
    """09's three header rows joined into one (each column's words in one cell, the group word 预算数 / 决算数 only
    in its group's first column: 预算数 合计 | 因公出国（境）费 | …): every cell is read (none had been)."""
    first, end = table_block(T09)
    head = next(i for i in range(first, end) if LINES[i].startswith("预算数"))
    rows = [line.split("\t") for line in LINES[head : head + 3]]
    merged = "\t".join(joiner.join(r[c] for r in rows if r[c].strip()) for c in range(len(rows[0])))
    parsed = parse([*LINES[:head], merged, *LINES[head + 3 :]])
    assert three_public(parsed) == three_public(REAL) and parsed.document.warnings == []


@pytest.mark.parametrize("caption", [T01, T02, T03, T04, T05, T06, T09], ids=["01", "02", "03", "04", "05", "06", "09"])
def test_an_empty_column_anywhere_in_a_grid(caption):
    """An empty column a PDF extractor leaves between two columns of a table, at each place in turn: every amount is
    read as printed (one between 03's 栏次 and its amounts had shifted every column's meaning, one after 04's expense
    label had lost its carry-over lines, one in a 06 panel had dropped the panel)."""
    first, end = table_block(caption)
    grid = [line.split("\t") for line in LINES[first:end]]
    width = max(map(len, grid))
    for at in range(1, width):
        rows = ["\t".join([*cells[:at], "", *cells[at:]]) for cells in grid]
        parsed = parse([*LINES[:first], *rows, *LINES[end:]])
        assert (at, values(parsed)) == (at, values(REAL)) and parsed.document.warnings == []


@pytest.mark.parametrize("caption", [T01, T06, T09])
def test_amount_cells_that_are_not_numbers_are_reported_in_every_table(caption):
    """3,797.75万元 in tables 01, 06 and 09 (stored as NULL) gets the warning tables 02/03/05 already gave."""
    code = {T01: "01", T06: "06", T09: "09"}[caption]
    lines = in_table(caption, lambda line: re.sub(r"(?<![\d,.])(\d[\d,]*\.\d\d)(?![\d.])", r"\1万元", line))
    warnings = parse(lines).document.warnings
    assert len(warnings) == 1 and warnings[0].startswith(f"table {code}: ") and "not a number" in warnings[0]


@pytest.mark.parametrize("printed", ["130.32万元", "¥130.32", "13O.32"])
def test_table06_total_cell_that_is_not_a_number_is_reported(printed):
    """The last amount of 06's total row misprinted: the 公用经费合计 is NULL with a warning (it was silently 0)."""
    lines = in_table(T06, lambda line: line.replace("\t130.32", f"\t{printed}") if "经费合计" in line else line)
    parsed = parse(lines)
    totals = {r.total_key: (r.raw_text, r.amount) for r in parsed.econ if r.total_key}
    assert totals == {"personnel_total": ("1,250.60", Decimal("1250.60")), "public_use_total": (printed, None)}
    assert parsed.document.warnings == [
        f"table 06: 1 amount cell is not a number (first: '{printed}' at line {table_block(T06)[1]}); stored as NULL"
    ]


@pytest.mark.parametrize(
    "total_row",
    [
        "人员经费合计\t\t1,250.60\t公用经费合计\t\t0.00\t\t\t130.32",
        "人员经费合计\t\t1,250.60\t公用经费合计\t\t-\t\t\t130.32",
        "人员经费合计\t-\t1,250.60\t公用经费合计\t-\t-\t-\t-\t130.32",
    ],
    ids=["zero", "dash", "dash_in_every_blank"],
)
def test_table06_group_total_with_a_zero_under_its_other_panel(total_row):
    """公用经费 spans two panels: its total under the last, 0.00 or - under the first (or - in every blank cell): the
    total is 130.32 (the first amount after the label, 0, had been taken)."""
    end = table_block(T06)[1]
    parsed = parse([*LINES[: end - 1], total_row, *LINES[end:]])
    assert values(parsed)["econ"] == values(REAL)["econ"] and parsed.document.warnings == []


def test_table06_total_label_followed_by_two_amounts_is_refused():
    """Two different amounts after 公用经费合计 (5.00 under one panel, 130.32 under the other): neither is taken."""
    end = table_block(T06)[1]
    parsed = parse([*LINES[: end - 1], "人员经费合计\t\t1,250.60\t公用经费合计\t\t5.00\t\t\t130.32", *LINES[end:]])
    assert parsed.econ == []
    assert parsed.document.warnings == [
        f"table 06 (line {end}): '公用经费合计' is followed by amounts 5.00 and 130.32: "
        "table 06 一般公共预算财政拨款基本支出决算表 not read"
    ]


def test_rows_printed_without_codes():
    """A 款 code merged over its 项 rows (left blank under it), and table 05 printed with names only: each row's
    code comes from its name under the row above (all had become codeless 类 rows)."""
    merged = in_table(T03, lambda line: re.sub(r"^20103\t(?!政府办公厅)", "\t", line))
    assert [(r.code, r.level) for r in parse(merged).subjects["03"]] == [(r.code, r.level) for r in REAL.subjects["03"]]
    first, end = table_block(T05)
    rows = ["科目名称\t小计\t基本支出\t项目支出", "栏次\t1\t2\t3"]
    body = next(i for i in range(first, end) if LINES[i].startswith("栏次")) + 1
    rows += ["\t".join([c[1] or c[0], *c[4:7]]) for c in (line.split("\t") for line in LINES[body:end])]
    names_only = parse([*LINES[:first], *rows, *LINES[end:]]).subjects["05"]
    assert [(r.code, r.level) for r in names_only] == [(r.code, r.level) for r in REAL.subjects["05"]]


def test_a_table_without_a_row_of_amounts_is_reported():
    """Table 09 whose only data row a converter broke out of the grid (its cells joined by single spaces, which
    cannot be told from spaces inside a cell): the table read nothing and said nothing."""
    first, end = table_block(T09)
    row = next(i for i in range(first, end) if LINES[i].startswith("4.23\t"))
    parsed = parse([*LINES[:row], LINES[row].replace("\t", " "), *LINES[row + 1 :]])
    assert parsed.three_public == []
    assert f"table 09 (line {first + 1}): no row of amounts read" in parsed.document.warnings


def test_whole_yuan_grouped_in_thousands_without_a_column_number_row():
    """Table 01 in whole 元 (37,977,500) and without its 栏次 row: a grouped integer is a printed amount (the table
    was left out: no column could be told an amount)."""
    lines = (CORPUS / "yuan-retitled.md").read_text(encoding="utf-8").splitlines()
    caption = next(line for line in lines if line.startswith("表1 "))
    first, end = table_block(caption, lines)
    grid = [re.sub(r"(?<=\d)\.00(?=\t|$)", "", line) for line in lines[first:end] if not line.startswith("栏次")]
    parsed = parse([*lines[:first], *grid, *lines[end:]])
    real = parse(lines)
    assert values(parsed)["totals"] == values(real)["totals"] and len(parsed.totals["01"]) > 40
    assert parsed.document.warnings == real.document.warnings


def test_split_codes_with_each_row_printing_its_own_level():
    """类 | 款 | 项 cells where each row prints only its own level's part (201 | | , | 03 | , | | 50) and no header
    row names the three columns: the columns are told by where the 3-digit codes stand."""

    def own_level(line: str) -> str:
        m = re.match(r"^\| (\d{3}) \| (\d\d)? \| (\d\d)? \|", line)
        if not m:
            return line
        lei, kuan, xiang = m.groups()
        return f"| {'' if kuan else lei} | {'' if xiang else kuan or ''} | {xiang or ''} |{line[m.end() :]}"

    lines = (CORPUS / "pipe-splitcodes.md").read_text(encoding="utf-8").splitlines()
    changed = [own_level(line).replace("| 类 | 款 | 项 |", "|  |  |  |") for line in lines]
    codes = {code: [(r.code, r.amounts) for r in rows] for code, rows in parse(lines).subjects.items()}
    assert {code: [(r.code, r.amounts) for r in rows] for code, rows in parse(changed).subjects.items()} == codes
    assert sum(line.startswith("|  | ") for line in changed) > 20


@pytest.mark.parametrize(
    "form",
    [
        lambda lei, kuan, xiang: (f"{lei}.", f"{kuan}." if kuan else "", xiang or ""),  # 201. | 03. | 50
        lambda lei, kuan, xiang: (lei, f".{kuan}" if kuan else "", f".{xiang}" if xiang else ""),  # 201 | .03 | .50
        lambda lei, kuan, xiang: (lei, f"-{kuan}" if kuan else "", f"-{xiang}" if xiang else ""),  # 201 | -03 | -50
        lambda lei, kuan, xiang: (
            "" if kuan else lei,
            "" if xiang else f".{kuan}" if kuan else "",
            f".{xiang}" * bool(xiang),
        ),
    ],
    ids=["dot_after", "dot_before", "dash_before", "own_level_dot_before"],
)
def test_split_codes_printed_with_separators(form):
    """类 | 款 | 项 cells with the separator printed beside each part (201. | 03. | 50, 201 | .03 | .50), also with
    each row printing only its own level's part and no 类/款/项 header: the same codes (the parts had been read as
    the row's name, the row's code as its 类)."""

    def split(line: str) -> str:
        m = re.match(r"^\| (\d{3}) \| (\d\d)? \| (\d\d)? \|", line)
        return f"| {' | '.join(form(*m.groups()))} |{line[m.end() :]}" if m else line

    lines = (CORPUS / "pipe-splitcodes.md").read_text(encoding="utf-8").splitlines()
    changed = [split(line).replace("| 类 | 款 | 项 |", "|  |  |  |") for line in lines]
    assert sum(a != b for a, b in zip(lines, changed, strict=True)) > 30
    codes = {code: [(r.code, r.amounts) for r in rows] for code, rows in parse(lines).subjects.items()}
    assert {code: [(r.code, r.amounts) for r in rows] for code, rows in parse(changed).subjects.items()} == codes


@pytest.mark.parametrize("separator", [".", "-"])
def test_economic_codes_printed_with_separators(separator):
    """Table 06 as one list with its codes printed 301.01 / 301-01: each row keeps its printed code (they were left
    without a code)."""
    truth = truth_of("wuhan-info-center-2024.md")
    econ = {**truth["econ_class"], **truth["econ"]}
    first, end = table_block(T06)
    rows = ["科目编码\t科目名称\t决算数"]
    rows += [f"{c[:3]}{separator * (len(c) > 3)}{c[3:]}\t\t{Decimal(str(econ[c])):,.2f}" for c in sorted(econ)]
    parsed = parse([*LINES[:first], *rows, *LINES[end:]])
    assert {r.code: r.amount for r in parsed.econ} == {c: Decimal(str(v)) for c, v in econ.items()}
    assert {r.method for r in parsed.econ} == {"printed"}


@pytest.mark.parametrize("label", ["支出合计", "全部合计", "本年合计"])
@pytest.mark.parametrize("vertical", [False, True])
def test_three_public_total_labelled_otherwise(label, vertical):
    """09's total column (or, printed one item a row, its total row) labelled 支出合计 / 全部合计 / 本年合计: the total
    (it was left out: T09-01/02 had nothing to check)."""
    printed = vertical_three_public() if vertical else LINES
    lines = in_table(T09, lambda line: re.sub(r"(^|\t)合计\t", rf"\g<1>{label}\t", line), printed)
    assert three_public(parse(lines)) == three_public(REAL)


@pytest.mark.parametrize("budget, actual", [("共计", "共计"), ("预算合计", "决算合计"), ("收入合计", "合计")])
def test_three_public_total_column_headed_with_another_word(budget, actual):
    """09's total columns headed 共计, 预算合计 / 决算合计 or 收入合计: the totals (dropped without a word before)."""
    head = "合计\t因公出国（境）费"
    lines = in_table(
        T09,
        lambda line: line.replace(head, f"{budget}\t因公出国（境）费", 1).replace(
            head, f"{actual}\t因公出国（境）费", 1
        ),
    )
    parsed = parse(lines)
    assert three_public(parsed) == three_public(REAL) and parsed.document.warnings == []


def test_three_public_column_naming_no_item_is_reported():
    """A 09 column whose header word names no item (项目合计): the table is refused with a warning naming the column,
    never read without it."""
    first, _ = table_block(T09)
    parsed = parse(in_table(T09, lambda line: line.replace("合计\t因公出国", "项目合计\t因公出国", 1)))
    assert parsed.three_public == []
    assert (
        f"table 09 (line {first + 1}): amount column 栏次 1 (预算数/项目合计) names no item"
        in parsed.document.warnings[0]
    )


def test_three_public_total_column_headed_xiaoji():
    """09's 预算数 group with its total column headed 小计 (no 公务用车 heading above it): the total, not the vehicle
    subtotal (T09-03 had compared 4.09 with 4.23)."""
    lines = in_table(T09, lambda line: line.replace("合计\t因公出国", "小计\t因公出国", 1))
    assert values(parse(lines))["three_public"] == values(REAL)["three_public"]


def test_table06_item_named_as_its_class():
    """39 其他支出 printed under the class 39 其他支出 (the template names 399 and its 99 款 alike): the second row is
    the 款 39999, a leaf (both had been read as the class 399, so the 公用经费 leaves held its 5.00 twice)."""
    end = table_block(T06)[1]
    rows = LINES[end - 9 : end - 7]
    assert all(line.endswith("\t\t\t") for line in rows)  # rows whose third panel is blank
    parsed = parse([*LINES[: end - 9], *(line[:-3] + "\t39\t其他支出\t5.00" for line in rows), *LINES[end - 7 :]])
    named = [(r.code, r.level, r.is_leaf, r.amount) for r in parsed.econ if r.name_raw == "其他支出"]
    assert named == [("399", "类", False, Decimal("5.00")), ("39999", "款", True, Decimal("5.00"))]


def test_the_rest_of_a_name_a_page_broke_stays_with_its_row():
    """共性 | 技术研究与开发 over two pages (the 款 row 20604 共性技术研究与开发), then 20604 其他技术研究与开发支出:
    the rest belongs to the row above, whose name it completes (it had been glued to the next row's name, which
    it also begins a name under 20604 with, leaving that row without a code)."""
    head = [
        "项目\t\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出",
        "功能分类科目编码\t科目名称",
        "类\t款\t项\t栏次\t1\t2\t3\t4\t5\t6",
    ]
    lines = ["# 2024 年度某某局单位决算公开", "", "2024 年度支出决算表", "", "公开 03 表", ""]
    lines += ["单位：某某局      2024 年度      金额单位：万元", "", *head]
    lines += ["\t\t\t合计\t30.00\t20.00\t10.00", "206\t科学技术支出\t\t\t30.00\t20.00\t10.00"]
    lines += ["20604\t共性\t\t\t30.00\t20.00\t10.00", "", "- 2 -", "", "\t技术研究与开发"]
    lines += ["20604\t其他技术研究与开发支出\t\t\t30.00\t20.00\t10.00", "", "注：本表反映单位本年度各项支出情况。"]
    parsed = parse(lines)
    assert [(r.code, r.name_raw) for r in parsed.subjects["03"] if not r.is_total] == [
        ("206", "科学技术支出"),
        ("20604", "共性技术研究与开发"),
        ("2060499", "其他技术研究与开发支出"),
    ]
    assert not [w for w in parsed.document.warnings if "subject code" in w]


@pytest.mark.parametrize("again", [False, True])
def test_a_row_after_a_page_break_like_one_of_the_tables_first_rows(again):
    """Table 03 prints the 款 code on 项 rows: 2089999 其他社会保障和就业支出 reads as its 款 20899, one of the table's
    first six rows (the real document's lines 209-210), and a page broke between them, under the header rows printed
    again or not. The row is kept, the header rows again left out (it was dropped as a header printed again: 20899
    read as a leaf, 2089999 lost without a warning)."""
    first, end = table_block("2024 年度支出决算表")
    body = next(i for i in range(first, end) if "栏次" in LINES[i]) + 1
    row = next(line for line in LINES[first:end] if line.startswith("20899\t"))
    lines = ["# 2024 年度某某局单位决算公开", "", "2024 年度支出决算表", "", "公开 03 表", ""]
    lines += ["单位：某某局      2024 年度      金额单位：万元", "", *LINES[first:body]]
    lines += ["\t\t\t合计\t13.06\t13.06\t\t\t", "208\t社会保障和就业支出\t\t\t13.06\t13.06\t\t\t", row, "", "- 2 -", ""]
    lines += [*LINES[first:body] * again, row, "", "注：本表反映单位本年度各项支出情况。"]
    parsed = parse(lines)
    assert [(r.code, r.is_leaf, r.amounts["total"][0]) for r in parsed.subjects["03"] if not r.is_total] == [
        ("208", False, Decimal("13.06")),
        ("20899", False, Decimal("13.06")),
        ("2089999", True, Decimal("13.06")),
    ]
    assert not [w for w in parsed.document.warnings if "not found" not in w and "narrative" not in w]


def test_table_08_under_its_real_header_without_its_column_numbers():
    """The real table 08's header (科目名称 four cells right of 功能分类科目编码, each word a cell right of its column)
    over amounts with no 栏次 row: the words are read a cell left, over the amounts, as the 栏次 row pairs them
    (科目名称 stood over the 合计 column: the total read under no name, the project money as basic, the total 0)."""
    first, end = table_block("2024 年度国有资本经营预算财政拨款支出决算表")
    numbers = next(i for i in range(first, end) if "栏次" in LINES[i])
    body = [
        "\t\t\t合计\t133.04\t0.00\t133.04\t",
        "223\t国有资本经营预算支出\t\t\t133.04\t0.00\t133.04\t",
        "22301\t解决历史遗留问题及改革成本支出\t\t\t133.04\t0.00\t133.04\t",
        "2230199\t其他解决历史遗留问题及改革成本支出\t\t\t133.04\t0.00\t133.04\t",
    ]

    def table08(header: list[str]) -> list[tuple]:
        parsed = parse([*LINES[:first], *header, *body, *LINES[end:]])
        assert not [w for w in parsed.document.warnings if "table 08" in w]
        return [(r.code, {k: v[0] for k, v in r.amounts.items() if v[0]}) for r in parsed.subjects["08"]]

    read = table08(LINES[first:numbers])
    assert read == table08(LINES[first : numbers + 1])
    assert read[-1] == ("2230199", {"total": Decimal("133.04"), "project": Decimal("133.04")})


def tall_cells(caption: str, names: list[str], n: int, place: int, lines: list[str] = LINES) -> list[str]:
    """The rows of the grid under ``caption`` holding one of ``names`` written a row per line, as a converter reads
    a tall cell: each of those names cut into ``n`` lines, the row's other cells beside line ``place``."""
    first, end = table_block(caption, lines)
    out = lines[:first]
    for line in lines[first:end]:
        cells = line.split("\t")
        tall = [k for k, c in enumerate(cells) if c in names]
        rows = [[c if i == place or k in tall else "" for k, c in enumerate(cells)] for i in range(n)] if tall else []
        for k in tall:
            size = -(-len(cells[k]) // n)
            for i in range(n):
                rows[i][k] = cells[k][i * size : (i + 1) * size]
        out += ["\t".join(r) for r in rows] if tall else [line]
    assert sum(len(r.split("\t")) for r in out) > sum(len(r.split("\t")) for r in lines[:end])
    return [*out, *lines[end:]]


@pytest.mark.parametrize(("n", "place"), [(2, 0), (2, 1), (3, 0), (3, 1), (3, 2)])
def test_table06_names_written_a_row_per_line(n, place):
    """Table 06's names in tall cells a converter wrote a row per line, the code and amount beside the first, a
    middle or the last line (维修（护）费 1.46, 机关事业单位基本养 68.68, two panels' names in one row): each name is
    joined to its row; the rest of a name was read as a class of its own and an amount beside a name's last line lost
    its code (30213's 1.46 read under no class, 30213 read as 0)."""
    names = ["机关事业单位基本养", "维修（护）费", "个人农业生产补贴", "公务用车运行维", "信息网络及软件购置更新"]
    parsed = parse(tall_cells(T06, names, n, place))
    assert [(r.panel, r.code, r.name_raw, r.amount) for r in parsed.econ] == [
        (r.panel, r.code, r.name_raw, r.amount) for r in REAL.econ
    ]
    assert parsed.document.warnings == []


@pytest.mark.parametrize(("n", "place"), [(2, 0), (2, 1), (3, 1)])
def test_table01_labels_written_a_row_per_line(n, place):
    """Table 01's labels in tall cells a converter wrote a row per line, 行次 and amount beside the first, the middle
    or the last line: each label is joined to its line (一、一般公共预算 / 财政拨款收入 3,797.75 was read as
    fiscal_grant 3,797.75 and a gpb_grant line of 0; the label's rest as a line of its own)."""
    names = ["一、一般公共预算财政拨款收入", "本年收入合计", "一、一般公共服务支出", "六、科学技术支出"]
    parsed = parse(tall_cells("2024 年度收入支出决算总表", names, n, place))
    assert values(parsed) == values(REAL)
    assert parsed.document.warnings == []


@pytest.mark.parametrize(
    "cut",
    [
        {"本年收入合计": (["本年", "收入合计"], 0)},  # a rest that alone reads as a line (收入合计)
        {"二十一、国有资本经营预算支出": (["二十", "一、", "国有资本经营预算支出"], 0)},  # a rest read as numbered
        {"六、经营收入": (["六、", "经", "营收入"], 1), "七、附属单位上缴收入": (["七、附属单位上缴", "收入"], 1)},
    ],
    ids=["rest_names_a_line", "rest_numbered", "two_labels_between_rows"],
)
def test_table01_labels_cut_where_a_rest_reads_as_a_label(cut):
    """Table 01's labels written a row per line (the pieces, 行次 and amount beside the line ``place``), cut where the
    rest reads as a label of its own: 本年 | 27 | 3,797.75 over 收入合计 (joined to the line below: 本年 read as an
    unrecognised line), 二十 over 一、 / 国有资本经营预算支出 (the table refused), 营收入 (the rest of 经营收入) over
    七、附属单位上缴 (one label of the two: 收入 read as an unrecognised line)."""
    first, end = table_block("2024 年度收入支出决算总表", LINES)
    out = LINES[:first]
    for line in LINES[first:end]:
        cells = line.split("\t")
        tall = next((k for k, c in enumerate(cells) if c in cut), None)
        if tall is None:
            out.append(line)
            continue
        pieces, place = cut[cells[tall]]
        for i, piece in enumerate(pieces):
            row = cells[:] if i == place else [""] * len(cells)
            row[tall] = piece
            out.append("\t".join(row))
    parsed = parse([*out, *LINES[end:]])
    assert values(parsed) == values(REAL)
    assert parsed.document.warnings == []


def _table_03(*rows: str) -> list[str]:
    """A document holding table 03 alone, its body ``rows`` (a 合计 row of 30.00 | 20.00 | 10.00 first)."""
    head = [
        "项目\t\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出",
        "功能分类科目编码\t科目名称",
        "类\t款\t项\t栏次\t1\t2\t3\t4\t5\t6",
    ]
    lines = ["# 2024 年度某某局单位决算公开", "", "2024 年度支出决算表", "", "公开 03 表", ""]
    lines += ["单位：某某局      2024 年度      金额单位：万元", "", *head, "\t\t\t合计\t30.00\t20.00\t10.00", *rows]
    return [*lines, "", "注：本表反映单位本年度各项支出情况。"]


@pytest.mark.parametrize(
    ("above", "beside", "code"),
    [("行政", "运行", "2120301"), ("事业", "运行", "2120350"), ("其他城乡社区", "公共设施支出", "2120399")],
)
def test_the_first_line_of_a_name_above_its_row_under_a_kuan_the_reference_lists_no_xiang_of(above, beside, code):
    """A 项 printing its 款 code 21203 (whose 项 the reference list lacks) in a tall cell, the code and amounts
    beside its name's last line: the first line, on a row of its own, begins the row below's name by the 项 suffix
    convention (行政运行 01, 事业运行 50, 其他…支出 99), as code recovery reads it (it was glued to the 款 row's
    name, the 项's money left without a code)."""
    parsed = parse(
        _table_03(
            "212\t城乡社区支出\t\t\t30.00\t20.00\t10.00",
            "21203\t城乡社区公共设施\t\t\t30.00\t20.00\t10.00",
            f"\t{above}",
            f"21203\t{beside}\t\t\t30.00\t20.00\t10.00",
        )
    )
    assert [(r.code, r.name_raw, r.amounts["total"][0]) for r in parsed.subjects["03"] if not r.is_total] == [
        ("212", "城乡社区支出", Decimal("30.00")),
        ("21203", "城乡社区公共设施", Decimal("30.00")),
        (code, above + beside, Decimal("30.00")),
    ]
    assert not [w for w in parsed.document.warnings if "subject code" in w]


@pytest.mark.parametrize(
    ("lei", "kuan"), [("201\t一般公共服务支出", "20102\t政协事务"), ("212\t城乡社区支出", "21203\t城乡社区公共设施")]
)
def test_the_rest_of_a_name_and_the_start_of_the_next_on_rows_of_their_own_between_them(lei, kuan):
    """Two 项 printing their 款 code in tall cells, the code and amounts beside the middle line of a name on three
    lines (一般 | 行政管理 | 事务), then 机关 | 服务: 事务 ends the row above's name, 机关 begins the row below's
    (both had been glued to the row above, the row below left without a code) — by the reference list (20102) or
    the 项 suffix convention (21203, whose 项 the list lacks: 02 一般行政管理事务, 03 机关服务)."""
    code = kuan.split("\t")[0]
    parsed = parse(
        _table_03(
            f"{lei}\t\t\t30.00\t20.00\t10.00",
            f"{kuan}\t\t\t30.00\t20.00\t10.00",
            "\t一般",
            f"{code}\t行政管理\t\t\t10.00\t\t10.00",
            "\t事务",
            "\t机关",
            f"{code}\t服务\t\t\t20.00\t20.00\t",
        )
    )
    assert [(r.code, r.name_raw, r.amounts["total"][0]) for r in parsed.subjects["03"] if not r.is_total][2:] == [
        (f"{code}02", "一般行政管理事务", Decimal("10.00")),
        (f"{code}03", "机关服务", Decimal("20.00")),
    ]
    assert not [w for w in parsed.document.warnings if "subject code" in w]


def test_tall_names_on_three_lines_the_amounts_beside_the_middle_one():
    """Table 03 with tall cells, the code and amounts beside the middle line of a name on three lines (机关事 | 20805
    业单 | 位职业年金缴费支) and the second of one on two (社会保障和就 | 208 业支出, the first row under 合计): the
    first lines begin their rows' names (机关事 had ended the 款 name above, the 项 left without a code with a warning;
    社会保障和就, under the total, was lost)."""
    parsed = parse(
        _table_03(
            "\t社会保障和就",
            "208\t业支出\t\t\t30.00\t20.00\t10.00",
            "20805\t行政事业单位养老支出\t\t\t30.00\t20.00\t10.00",
            "\t机关事",
            "20805\t业单\t\t\t30.00\t20.00\t10.00",
            "\t位职业年金缴费支",
        )
    )
    assert [(r.code, r.name_raw, r.amounts["total"][0]) for r in parsed.subjects["03"]] == [
        (None, "合计", Decimal("30.00")),
        ("208", "社会保障和就业支出", Decimal("30.00")),
        ("20805", "行政事业单位养老支出", Decimal("30.00")),
        ("2080506", "机关事业单位职业年金缴费支", Decimal("30.00")),
    ]
    assert not [w for w in parsed.document.warnings if "subject code" in w]


@pytest.mark.parametrize("rest", ["事业单位离退休", "事业单位养老支出"])
def test_the_rest_of_a_kuan_name_on_a_row_of_its_own_continues_its_old_name(rest):
    """A 款 printed in a tall cell, the code and amounts beside its first line (行政), the rest on a row of its own,
    then a 项 printing its 款 code: 事业单位离退休 ends the 款's old name (行政事业单位离退休, an alias of 20805) as
    事业单位养老支出 ends today's (it had begun the 项's name: 事业单位离退休行政单位离退休 read as 2080502, silently,
    or left without a code)."""
    parsed = parse(
        _table_03(
            "208\t社会保障和就业支出\t\t\t30.00\t20.00\t10.00",
            "20805\t行政\t\t\t30.00\t20.00\t10.00",
            f"\t{rest}",
            "20805\t行政单位离退休\t\t\t30.00\t20.00\t10.00",
        )
    )
    assert [(r.code, r.name_raw, r.amounts["total"][0]) for r in parsed.subjects["03"] if not r.is_total][1:] == [
        ("20805", "行政" + rest, Decimal("30.00")),
        ("2080501", "行政单位离退休", Decimal("30.00")),
    ]
    assert not [w for w in parsed.document.warnings if "subject code" in w]


def test_table06_rows_with_amounts_and_no_code_are_reported():
    """A row whose name no economic class has (30 | 办公杂费 | 11.12) enters the facts without a code: reported as
    subject tables' are (it had been silent)."""
    row = "30\t基本工资\t177.67\t30\t办公费\t11.12\t31\t办公设备购置\t"
    at = LINES.index(row)
    parsed = parse([*LINES[:at], row.replace("办公费", "办公杂费"), *LINES[at + 1 :]])
    assert [(r.code, r.amount) for r in parsed.econ if r.name_raw == "办公杂费"] == [(None, Decimal("11.12"))]
    assert parsed.document.warnings == [
        f"table 06: 1 row with amounts and no economic class code (first: '办公杂费' at line {at + 1}); in the facts "
        "without a code — a total worded otherwise would be counted twice"
    ]


def test_a_table_of_unreadable_amounts_is_not_empty():
    """Table 03 with every amount printed with its unit (3,797.75万元): the amounts are not read, with warnings, and
    the table is not recorded as empty (it had been, like a table printed with blanks only)."""
    first, end = table_block("2024 年度支出决算表")
    lines = list(LINES)
    for i in range(first, end):
        lines[i] = "\t".join(c + "万元" if "." in c and parse_amount(c) else c for c in lines[i].split("\t"))
    parsed = parse(lines)
    assert all(a[0] is None for r in parsed.subjects["03"] for a in r.amounts.values() if a[1])
    assert any(w.startswith("table 03") for w in parsed.document.warnings)
    assert {s.table_code: s.status for s in parsed.statuses}["03"] == "present"


def test_table06_column_number_row_under_its_header():
    """Table 06 with a 栏次 row under its header (栏次 | | 1 | 栏次 | | 2 | 栏次 | | 3): header, as in the subject
    tables (its numbers had been read as three rows of 1, 2 and 3 万元 with no code)."""
    header = "经济分类\t科目名称\t决算数\t经济分类\t科目名称\t决算数\t经济分类\t科目名称\t决算数"
    at = LINES.index(header) + 1
    parsed = parse([*LINES[:at], "栏次\t\t1\t栏次\t\t2\t栏次\t\t3", *LINES[at:]])
    assert values(parsed)["econ"] == values(REAL)["econ"] and parsed.document.warnings == []
    assert [(r.code, r.total_key, r.amount) for r in parsed.econ] == [
        (r.code, r.total_key, r.amount) for r in REAL.econ
    ]
