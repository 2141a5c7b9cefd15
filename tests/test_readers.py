"""Readers and amount parsing, on small inputs in each table syntax."""

from __future__ import annotations

from decimal import Decimal

import pytest

from loaders.readers import Grid, Paragraph, read_blocks
from loaders.text import parse_amount, to_wan


def grids(text: str) -> list[Grid]:
    return [b for b in read_blocks(text) if isinstance(b, Grid)]


def texts(grid: Grid) -> list[list[str]]:
    return [[c.text for c in row] for row in grid.rows]


def test_tab_separated_rows_keep_line_numbers():
    (grid,) = grids("标题\n\na\tb\t\n1\t2,000.50\t\n\n注：x")
    assert texts(grid) == [["a", "b", ""], ["1", "2,000.50", ""]]
    assert [row[1].line for row in grid.rows] == [3, 4]


def test_line_numbers_count_newlines_only():
    # CRLF line ends, a form feed at a page break and a vertical tab inside a cell, as converters leave them.
    text = "标题\r\n\f第二页\r\na\x0bb\tc\r\n1\t2\r\n"
    blocks = read_blocks(text)
    assert [(b.line, b.text) for b in blocks if isinstance(b, Paragraph)] == [(1, "标题"), (2, "第二页")]
    (grid,) = grids(text)
    assert texts(grid) == [["a\x0bb", "c"], ["1", "2"]]
    assert [row[0].line for row in grid.rows] == [3, 4]


def test_pipe_table_skips_rule_and_strips_html():
    (grid,) = grids("| 项目 | 金额 |\n|---|---|\n| <b>合计</b> | 3,797.75 |\n")
    assert texts(grid) == [["项目", "金额"], ["合计", "3,797.75"]]
    assert grid.rows[1][0].line == 3


@pytest.mark.parametrize(
    "text",
    [
        "项目 | 金额\n--- | ---\n合计 | &nbsp;\n其他 | -- \n",  # no outer pipes (GFM), an entity
        "| 项目 | 金额 |\n|-|-|\n| 合计 | &nbsp; |\n| 其他 | -- |\n",  # one-dash delimiter row
        "| 项目 | 金额 |\n| --- | --- |\n| 合计 |  |\n| 其他 | -- |\n",
    ],
)
def test_pipe_table_dialects(text):
    """A data row of zero marks (-- | --) is a row: only the header's next row can be the delimiter."""
    (grid,) = grids(text)
    assert texts(grid) == [["项目", "金额"], ["合计", ""], ["其他", "--"]]
    assert [row[0].line for row in grid.rows] == [1, 3, 4]


def test_pipe_row_of_zero_marks_is_data():
    (grid,) = grids("| 项目 | 金额 |\n|---|---|\n| -- | -- |\n")
    assert texts(grid) == [["项目", "金额"], ["--", "--"]]


def test_html_table_expands_spans_and_keeps_checkbox_state():
    html = (
        '<table><tr><td colspan="2">预算数</td><td rowspan="2">x</td></tr>'
        '<tr><td>1<input type="checkbox" checked></td><td>2<input type="checkbox"></td></tr></table>'
    )
    (grid,) = grids("前言\n" + html)
    assert texts(grid) == [["预算数", "", "x"], ["1☑", "2☐", ""]]
    assert grid.rows[0][0].line == 2


def test_html_table_over_several_lines():
    (grid,) = grids("<table>\n<tr><td>a</td></tr>\n<tr><td>b</td></tr>\n</table>")
    assert [row[0].line for row in grid.rows] == [2, 3]


@pytest.mark.parametrize(
    ("html", "rows"),
    [
        # bare tags on one line (the split path), with inline markup and entities in cells
        ("<table><tr><td> 项目 </td><td><b>合计</b>&amp;</td></tr><tr></tr></table>", [["项目", "合计&"], []]),
        # the same with a tag a split would mistake: a cell boundary spaced out, an upper-case tag
        ("<table><tr><td>a</td> <td>b</td></tr></table>", [["a", "b"]]),
        ("<table><tr><td>a</td><TD>b</TD></tr></table>", [["a", "b"]]),
        ('<table border="1"><tr><th>a</th><td>b</td></tr></table>', [["a", "b"]]),
        # cells holding only entities: a blank (&nbsp;) and a numeric character reference
        ("<table><tr><td>&nbsp;</td><td>1&#44;000.00</td></tr></table>", [["", "1,000.00"]]),
        ('<table border="1"><tr><td>&nbsp;</td><td>a&amp;b</td><td>x&nbsp;y</td></tr></table>', [["", "a&b", "x y"]]),
        # empty cells written self-closing, as XML serialisers do
        ('<table><tr><td>a</td><td/><td colspan="2" /><td>b<br/></td></tr></table>', [["a", "", "", "", "b"]]),
    ],
)
def test_html_table_on_one_line(html, rows):
    (grid,) = grids(html)
    assert texts(grid) == rows
    assert {c.line for row in grid.rows for c in row} <= {1}


@pytest.mark.parametrize(
    "html",
    [
        "<table><tr><td>**合计**</td><td>1.00</td></tr></table>",  # the split path
        '<table border="1"><tr><td>**合计**</td><td>1.00</td></tr></table>',  # a regex per row
        '<table><tr><td colspan="1">**合计**</td><td>1.00</td></tr></table>',  # spans
        "<table>\n<tr><td>**合计**</td><td>1.00</td></tr>\n</table>",  # over several lines
    ],
)
def test_markdown_bold_in_html_cells_dropped(html):
    """As in tab and pipe rows: the ** stayed, so a **合计** row was no total and a bold header word not found."""
    (grid,) = grids(html)
    assert texts(grid) == [["合计", "1.00"]]


@pytest.mark.parametrize(
    ("html", "rows", "lines"),
    [
        # </td> and </tr> left out, as HTML allows: a new cell or row, or the table's end, closes them
        ("<table><tr><td>项目<td>金额<tr><td>合计<td>1.00</table>", [["项目", "金额"], ["合计", "1.00"]], [1, 1]),
        ("<TABLE><TR><TD>a</TD><TD>b<TR><TD>c<TD>d</TABLE>", [["a", "b"], ["c", "d"]], [1, 1]),
        # row groups, attributes, a merged cell and a cell over two lines
        (
            '<table border="1">\n<thead>\n<tr><th>项目<th>金额\n<tbody>\n<tr class=x><td>合\n计<td>1.00\n'
            "<tr><td colspan=2>注\n</tbody>\n</table>",
            [["项目", "金额"], ["合计", "1.00"], ["注", ""]],
            [3, 5, 7],
        ),
        # cells before any <tr>, and closing tags with nothing open
        ("<table><td>a<td>b</td></td></tr></tr><tr><td>c</table>", [["a", "b"], ["c"]], [1, 1]),
    ],
)
def test_html_table_with_closing_tags_left_out(html, rows, lines):
    """The table was read as no rows at all."""
    (grid,) = grids(html)
    assert texts(grid) == rows and [row[0].line for row in grid.rows] == lines


@pytest.mark.parametrize(
    ("text", "blocks"),
    [
        ("<table><tr><td>a</td></tr><table><tr><td>b</td></tr></table>", [(1, [["a"]]), (1, [["b"]])]),
        ("<table>\n<tr><td>a</td></tr>\n<table><tr><td>b</td></tr></table>", [(1, [["a"]]), (3, [["b"]])]),
        ("<table>\n<tr><td>a</td></tr>\n\n后文", [(1, [["a"]]), (4, "后文")]),
        ("<table>\n<tr><td>a</td></tr>", [(1, [["a"]])]),
    ],
)
def test_html_table_without_its_closing_tag(text, blocks):
    """It ends before the next table or at a blank line (as an HTML block in markdown): it took in the lines up to
    the next </table>, or to the end."""
    assert [(b.line, texts(b) if isinstance(b, Grid) else b.text) for b in read_blocks(text)] == blocks


def test_paragraph_decoration_removed():
    (para,) = read_blocks("### **七、政府性基金预算财政拨款收入支出决算情况说明**")
    assert isinstance(para, Paragraph) and para.text == "七、政府性基金预算财政拨款收入支出决算情况说明"


@pytest.mark.parametrize(
    ("line", "text"),
    [
        ("> （1）住房保障支出（类）", "（1）住房保障支出（类）"),
        ("> > 二、收入决算情况说明", "二、收入决算情况说明"),
        (">**三、支出决算情况说明**", "三、支出决算情况说明"),
        ("> 1. 一般公共服务支出（类）", "1. 一般公共服务支出（类）"),
        ("> 2024 年度收入合计", "2024 年度收入合计"),
        ("> 90%", "> 90%"),  # a comparison, not a quote's mark
        (">=95%", ">=95%"),
        ("> 0.5", "> 0.5"),
    ],
)
def test_a_block_quotes_mark_is_left_out(line, text):
    """A paragraph quoted in markdown (> …, as some converters write indented text) reads without its mark (a budget
    line's class had read '>（1）住房保障支出', its code unresolved); a line starting with a comparison keeps it."""
    (para,) = read_blocks(line)
    assert para.text == text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3,797.75", "3797.75"),
        ("", "0"),
        ("-", "0"),
        ("—", "0"),
        ("－", "0"),
        ("0.00", "0"),
        (" 12 ", "12"),
        ("(1.50)", "-1.50"),
        ("３,７９７．７５", "3797.75"),  # full-width digits and point
        ("（１.５０）", "-1.50"),
        ("\u22121.50", "-1.50"),  # minus sign, as PDF text layers hold it
        ("\u20131.50", "-1.50"),  # en dash
        ("\u2013", "0"),
    ],
)
def test_parse_amount(text, value):
    assert parse_amount(text) == Decimal(value)


def test_parse_amount_rejects_text():
    assert parse_amount("已完成") is None


def test_yuan_to_wan_is_exact():
    assert to_wan(Decimal("37977500.00"), "元") == Decimal("3797.75")
    assert to_wan(Decimal("1.23"), "元") == Decimal("0.000123")
    assert to_wan(Decimal("1.23"), "万元") == Decimal("1.23")


def test_html_caption_becomes_caption_lines():
    text = (
        "前言\n<table><caption>2024年度收入决算表<br/>公开02表</caption><tr><td>a</td></tr></table>\n"
        "<table>\n<caption>\n单位：万元\n</caption>\n<tr><td>b</td></tr>\n</table>"
    )
    blocks = read_blocks(text)
    assert [(b.line, b.text) for b in blocks if isinstance(b, Paragraph)] == [
        (1, "前言"),
        (2, "2024年度收入决算表"),
        (2, "公开02表"),
        (5, "单位：万元"),
    ]
    first, second = (b for b in blocks if isinstance(b, Grid))
    assert texts(first) == [["a"]] and first.rows[0][0].line == 2
    assert texts(second) == [["b"]] and second.rows[0][0].line == 7


def test_text_and_tables_after_a_closing_table_tag_on_its_line():
    text = (
        "<table><tr><td>a</td></tr></table>注：本单位无政府性基金收支。\n"
        "<table>\n<tr><td>b</td></tr>\n</table><table><tr><td>c</td></tr></table>"
    )
    blocks = read_blocks(text)
    assert [(type(b).__name__, b.line) for b in blocks] == [("Grid", 1), ("Paragraph", 1), ("Grid", 2), ("Grid", 4)]
    assert blocks[1].text == "注：本单位无政府性基金收支。"
    assert [texts(g) for g in grids(text)] == [[["a"]], [["b"]], [["c"]]]
    assert grids(text)[1].rows[0][0].line == 3


def test_tables_inside_a_wrappers_tags_are_only_tables():
    """Tables each inside a <div> (as web pages print them): no empty paragraph before each (one had stood between a
    table's parts, the evaluation tables' parts then read apart and not read, with warnings)."""
    text = '<div class="table-wrap"><table><tr><td>a</td></tr></table></div>\n\n'
    text += "<div><table><tr><td>b</td></tr></table></div>"
    assert [(type(b).__name__, b.line) for b in read_blocks(text)] == [("Grid", 1), ("Grid", 3)]


def test_pipe_table_ends_at_a_line_without_its_outer_pipe_and_repeats_its_header():
    text = "| a | b |\n|---|---|\n| 1 | 2 |\n| a | b |\n|---|---|\n| 3 | 4 |\n注：A|B 两栏"
    (grid,) = grids(text)
    assert texts(grid) == [["a", "b"], ["1", "2"], ["a", "b"], ["3", "4"]]
    assert [(b.line, b.text) for b in read_blocks(text) if isinstance(b, Paragraph)] == [(7, "注：A|B 两栏")]


SPACED = "项目\t\t金额\t说明\t\t\n{}\n2\t\t3.00\tz\t\t\n"


@pytest.mark.parametrize(
    ("line", "row"),
    [
        ("1        2,000.50    x        ", ["1", "", "2,000.50", "x", "", ""]),  # a tab written as four spaces
        ("1  -  2,000.50  x  -  -", ["1", "-", "2,000.50", "x", "-", "-"]),  # a cell after each run
    ],
)
def test_a_row_with_its_cells_separated_by_spaces_between_tab_rows(line, row):
    (grid,) = grids(SPACED.format(line))
    assert texts(grid)[1] == row and grid.rows[1][0].line == 2 and grid.loose == []


@pytest.mark.parametrize("line", ["1  2,000.50  x", "1    2,000.50  x"])
def test_a_spaced_row_whose_cells_cannot_be_placed_is_recorded(line):
    """Too few cells for the grid (empty cells left out): the row is not read, and its line is kept."""
    (grid,) = grids(SPACED.format(line))
    assert texts(grid) == [["项目", "", "金额", "说明", "", ""], ["2", "", "3.00", "z", "", ""]]
    assert grid.loose == [2]


@pytest.mark.parametrize("line", ["单位：万元  2024 年度", "合计为 2,000.50 万元  详见下表"])
def test_a_line_with_double_spaces_between_tab_rows_stays_text(line):
    blocks = read_blocks(SPACED.format(line))
    assert [type(b).__name__ for b in blocks] == ["Grid", "Paragraph", "Grid"] and blocks[1].text == line


def test_a_tag_cut_by_a_row_break_is_no_text_of_its_cell():
    """A cell a converter wrote a row per line, its tag cut by the row break: a row holding only text inside the tag
    or its rest is joined to the row above, a row holding only the tag's start to the row below where it is closed
    there, a piece at a cell's end or start dropped (本年支出合计</b had read as a label of its own); a comparison is
    no tag (Q<A的比例, p>0.05, s>=95%, i > 0 had lost their text)."""
    text = (
        "项目\t行次\n<b>\t59\n本年支出合计</b\t\n<b\t60\n>总计</b>\t\n<b>合计</\t61\nb>\t\n满意度>90%\t62\n"
        "<b>\t\n本年\t\n支出合计</b\t63\nQ<A的比例\t64\np>0.05\t65\ns>=95%\t66\ni > 0\t67\n"
    )
    (grid,) = grids(text)
    assert texts(grid) == [
        ["项目", "行次"],
        ["本年支出合计", "59"],
        ["总计", "60"],
        ["合计", "61"],
        ["满意度>90%", "62"],
        ["本年支出合计", "63"],
        ["Q<A的比例", "64"],
        ["p>0.05", "65"],
        ["s>=95%", "66"],
        ["i > 0", "67"],
    ]
    assert [row[0].line for row in grid.rows] == [1, 2, 4, 6, 8, 11, 12, 13, 14, 15]
    (grid,) = grids("指标\t\nQ<A的比例\t\n满意度>90%\t\n")  # a comparison over another: no cut tag, rows apart
    assert texts(grid) == [["指标", ""], ["Q<A的比例", ""], ["满意度>90%", ""]]


def test_pipe_table_without_outer_pipes_keeps_its_empty_edge_cells():
    """GFM lets a table leave its outer pipes out (---|---|---): a row beginning and ending with an empty cell then
    begins and ends with a pipe, which are cells, not outer pipes (合计's amounts had read one column left); a row
    written with the outer pipes the table leaves out fits without them; one with neither and fewer cells has its
    last ones left out (GFM pads it: the table had been refused); a row fitting no way is not read."""
    text = (
        "项目 | 金额 | 说明\n---|---|---\n | 合计 | \n | 3.00 | x\n| 4.00 | y | z |\n | 5.00\n6.00 | a | b\n7.00 | c\n"
    )
    (grid,) = grids(text)
    assert texts(grid) == [
        ["项目", "金额", "说明"],
        ["", "合计", ""],
        ["", "3.00", "x"],
        ["4.00", "y", "z"],
        ["6.00", "a", "b"],
        ["7.00", "c", ""],
    ]
    assert [row[0].line for row in grid.rows] == [1, 3, 4, 5, 7, 8] and grid.loose == [6]


@pytest.mark.parametrize(
    "text",
    [
        "|    | 0 | 1 | 2 |\n|---:|---|---|---|\n"
        "|  0 | 项目 |  | 金额 |\n|  1 | 栏次 |  | 1 |\n|  2 | 合计 |  | 3.00 |\n",
        "| Column1 | Column2 | Column3 |\n|---|---|---|\n| 项目 |  | 金额 |\n| 栏次 |  | 1 |\n| 合计 |  | 3.00 |\n",
        "0\t1\t2\n项目\t\t金额\n栏次\t\t1\n合计\t\t3.00\n",
        "<table><tr><th></th><th>0</th><th>1</th><th>2</th></tr><tr><th>0</th><td>项目</td><td></td><td>金额</td></tr>"
        "<tr><th>1</th><td>栏次</td><td></td><td>1</td></tr><tr><th>2</th><td>合计</td><td></td><td>3.00</td></tr></table>",
        "|    |  |  |  |\n|---:|---|---|---|\n|  0 | 项目 |  | 金额 |\n|  1 | 栏次 |  | 1 |\n|  2 | 合计 |  | 3.00 |\n",
    ],
)
def test_a_converters_index_column_and_column_names_are_left_out(text):
    """A DataFrame's index (0 … down the first column, under an empty header cell) and the column names a converter
    makes up (0 … n-1, Column1 … ColumnN) print nothing of the document (0 1 2 had read as the 栏次 row, the index as
    a column of codes)."""
    (grid,) = grids(text)
    assert [row for row in texts(grid) if any(row)] == [["项目", "", "金额"], ["栏次", "", "1"], ["合计", "", "3.00"]]


@pytest.mark.parametrize(
    "text",
    [
        "栏次\t\t1\t2\n合计\t\t3.00\t4.00\n",  # a 栏次 row, numbers from 1
        "1\t2\t3\n合计\t3.00\t4.00\n",  # column numbers from 1
        "\t项目\t金额\n1\t合计\t3.00\n2\t其他\t4.00\n",  # 行次 from 1
        "行次\t项目\t金额\n0\t合计\t3.00\n1\t其他\t4.00\n",  # numbers from 0 under a header word
        "Column1\tColumn3\n合计\t3.00\n",  # not Column1 … ColumnN
    ],
)
def test_a_grids_own_numbers_stay(text):
    (grid,) = grids(text)
    assert texts(grid) == [line.split("\t") for line in text.splitlines()]


def test_markdown_backslash_escapes_and_hard_breaks():
    """pandoc's markdown: ASCII punctuation escaped (1\\. \\(境\\) \\*), a line ended by a backslash (a hard break), in
    paragraphs and in pipe, tab and grid-table cells (a grid cell's lines joined without it); a backslash before
    anything else, or escaped itself, is text; an HTML table's raw text keeps its backslashes."""
    text = (
        "1\\. 因公出国\\(境\\)费为 3\\.00 万元，收\\\n入增加\\*。C:\\目录\\\\\n\n"
        "| 项目 | 金额 |\n|---|---|\n| 因公出国\\(境\\)费 | 1\\.00 |\n\n"
        "项目\t金额\n\\*合计\t3.00\n\n"
        "<table><tr><td>\\(境\\)</td></tr></table>\n\n"
        "+------+\n| 一般公共\\ |\n| 服务支出 |\n+------+\n"
    )
    blocks = read_blocks(text)
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == [
        "1. 因公出国(境)费为 3.00 万元，收",
        "入增加*。C:\\目录\\",
    ]
    assert [texts(grid) for grid in grids(text)] == [
        [["项目", "金额"], ["因公出国(境)费", "1.00"]],
        [["项目", "金额"], ["*合计", "3.00"]],
        [["\\(境\\)"]],
        [["一般公共服务支出"]],
    ]


def test_inline_tags_print_no_space():
    """Word's HTML splits a cell's text over <span> runs (<span>3,79</span><span>7.75</span>): inline tags print no
    space (the amount had read as '3,79 7.75', no number); <br>, <p> and <div> break the text."""
    html = (
        "<table><tr><td><span lang=EN-US>3,79</span><span>7.75</span></td><td><p>一般</p><p>公共</p></td>"
        "<td>a<br>b</td><td><font size=2>合</font><B>计</B><o:p></o:p></td></tr></table>"
    )
    (grid,) = grids(html)
    assert texts(grid) == [["3,797.75", "一般 公共", "a b", "合计"]]


def test_a_footnotes_raised_mark_is_no_text():
    """A footnote's mark raised after a figure or a label (3,797.75<sup>1</sup>, 合计<sup>注</sup>) is left out: it
    had been glued into the amount once inline tags printed no space (3797.751, silently); a raised figure after a
    letter (m<sup>2</sup>) stays, apart."""
    html = (
        "<table><tr><td>3,797.75<sup>1</sup></td><td>120<SUP>注</SUP></td><td>合计<sup>①</sup></td>"
        "<td>100m<sup>2</sup></td><td>x<sub>1</sub></td></tr></table>"
    )
    (grid,) = grids(html)
    assert texts(grid) == [["3,797.75", "120", "合计", "100m 2", "x 1"]]


@pytest.mark.parametrize(
    "text",
    [
        "<table><tr><td>其他技术与研<br/>究与开发支出</td><td>a<br>b</td><td>2024<br>年度</td></tr></table>",
        "<table>\n<tr><td>其他技术与研\n  究与开发支出</td><td>a\nb</td><td>2024\n年度</td></tr>\n</table>",
        "| 其他技术与研<br>究与开发支出 | a<br>b | 2024<BR>年度 |\n|---|---|---|\n",
    ],
)
def test_a_line_break_between_chinese_characters_joins_them(text):
    """A long name a cell wraps (其他技术与研<br>究与开发支出) is one word, as CSS joins a line break between East
    Asian characters (it had read '其他技术与研 究与开发支出', no longer the name table 05 prints); elsewhere a break
    is a space."""
    (grid,) = grids(text)
    assert texts(grid)[0] == ["其他技术与研究与开发支出", "a b", "2024 年度"]
