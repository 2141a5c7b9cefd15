"""Recovered codes: table 03 项 rows printed with their 款 code, table 06 rows printed as 30 / 31."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from loaders.codes import resolve_subjects
from loaders.document import parse_document
from loaders.interpret.subjects import _names, read_subject_rows
from loaders.pipeline import interpret
from loaders.reference import function_subjects

from .conftest import CORPUS, DOCUMENTS, REAL, query

TABLE03_RECOVERED = {
    # source line in the real document: (printed 款 code, printed name, recovered 项 code)
    185: ("20103", "事业运行", "2010350"),
    186: ("20103", "其他政府办公厅（室）及相关机", "2010399"),
    189: ("20604", "其他技术与开发支出", "2060499"),
    192: ("20805", "事业单位离退休", "2080502"),
    193: ("20805", "机关事业单位基本养老保险缴", "2080505"),
    194: ("20805", "机关事业单位职业年金缴费支", "2080506"),
    196: ("20899", "其他社会保障和就业支出", "2089999"),
    199: ("21011", "事业单位医疗", "2101102"),
    200: ("21011", "公务员医疗补助", "2101103"),
    203: ("22102", "住房公积金", "2210201"),
    204: ("22102", "提租补贴", "2210202"),
    205: ("22102", "购房补贴", "2210203"),
}


def test_table03_codes_recovered_from_other_tables(real_db):
    rows = query(
        real_db,
        """select distinct source_line, printed_code, subject_name_raw, subject_code, code_method
           from marts.fct_expense where table_code = '03' order by source_line""",
    )
    assert {line: (p, n, c) for line, p, n, c, _ in rows} == TABLE03_RECOVERED
    assert {m for *_, m in rows} == {"other_table"}


@pytest.mark.parametrize("name", DOCUMENTS)
def test_table03_codes_same_in_every_layout(warehouses, name):
    codes = query(warehouses[name], "select distinct subject_code from marts.fct_expense where table_code = '03'")
    assert {c for (c,) in codes} == {c for _, _, c in TABLE03_RECOVERED.values()}


def test_table03_recovery_without_other_tables():
    """With only table 03 in hand, codes come from the reference list or the 项 suffix convention."""
    doc = parse_document(REAL, (CORPUS / REAL).read_bytes())
    rows = {"03": read_subject_rows(doc.table("03"))}
    resolve_subjects(rows)
    got = {r.line: (r.code, r.method) for r in rows["03"] if r.printed_code and r.level == "项"}
    assert {line: code for line, (code, _) in got.items()} == {k: v[2] for k, v in TABLE03_RECOVERED.items()}
    assert {m for _, m in got.values()} == {"name_in_parent"}


def test_table06_codes_from_names_within_panel(real_db):
    rows = dict(
        query(
            real_db,
            """select econ_name_raw, econ_code from marts.fct_basic_expense_econ
               where printed_code in ('30', '31') and code_method = 'name_in_parent'""",
        )
    )
    # Truncated names resolve within their 类; 医疗费 (301) and 医疗费补助 (303) stay apart.
    assert rows["机关事业单位基本养"] == "30108"
    assert rows["职工基本医疗保险缴"] == "30110"
    assert rows["公务用车运行维"] == "30231"
    assert rows["因公出国（境）"] == "30212"
    assert rows["其他对个人和家庭的"] == "30399"
    assert rows["医疗费"] == "30114" and rows["医疗费补助"] == "30307"
    assert rows["办公设备购置"] == "31002"  # 310, not 309 which shares the name
    assert len(rows) == len(set(rows.values())) == 58  # 13 + 12 personnel, 27 + 6 public-use items
    classes = query(
        real_db,
        "select econ_code, code_method from staging.stg_raw__econ_lines where econ_level = '类' order by 1",
    )
    assert classes == [("301", "from_name"), ("302", "from_name"), ("303", "from_name"), ("310", "from_name")]


def test_recovered_codes_in_dimension(real_db):
    rows = query(
        real_db,
        """select subject_code, subject_level, parent_code, class_code, documents_printed
           from marts.dim_function_subject where subject_code in ('2010350', '2060499', '20604')""",
    )
    assert sorted(rows) == [
        ("2010350", "项", "20103", "201", 1),
        ("20604", "款", "206", "206", 1),
        ("2060499", "项", "20604", "206", 1),
    ]


def test_no_unit_names_or_line_numbers_in_parser_rules():
    source = "".join(p.read_text(encoding="utf-8") for p in Path("loaders").rglob("*.py"))
    for word in ("武汉", "襄阳", "信息中心", "大数据"):
        assert word not in source


def test_old_class_names_cut_or_before_2019_in_table_04():
    """Table 04 of a year before 2019 cuts its class labels at 12 characters as the template does: an old name so
    cut (九、医疗卫生与计划生育支) begins an alias of 210 and is 210, as a cut current name is its class; 国土海洋气象等
    支出 is 220's name before 2019 (both had been 'unrecognised' with a warning, finding 40)."""
    head = [
        "收 入\t\t\t支 出\t\t\t\t\t",
        "项目\t行次\t决算数\t项目\t行次\t决算数\t\t\t",
        "\t\t\t\t\t小计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款",
        "栏次\t\t1\t栏次\t\t2\t3\t4\t5",
    ]
    body = [
        "一、一般公共预算财政拨款\t1\t1,705.88\t七、文化体育与传媒支\t31\t100.00\t100.00\t-\t-",
        "\t2\t-\t九、医疗卫生与计划生育支\t32\t1,054.66\t1,054.66\t-\t-",
        "\t3\t-\t十八、国土海洋气象等支出\t33\t551.22\t551.22\t-\t-",
        "本年收入合计\t4\t1,705.88\t本年支出合计\t34\t1,705.88\t1,705.88\t-\t-",
        "总计\t5\t1,705.88\t总计\t35\t1,705.88\t1,705.88\t-\t-",
    ]
    title = "# 2016 年度孝感市统计局部门决算公开\n\n2016 年度财政拨款收入支出决算总表\n\n公开 04 表\n\n"
    parsed = interpret(parse_document("old-names.md", (title + "\n".join(head + body) + "\n").encode()))
    lines = {x.subject_code or x.line_item: x.amount for x in parsed.totals["04"] if x.column_key == "total"}
    assert {k: v for k, v in lines.items() if k in ("207", "210", "220", "unrecognised")} == {
        "207": Decimal("100.00"),
        "210": Decimal("1054.66"),
        "220": Decimal("551.22"),
    }
    assert not [w for w in parsed.document.warnings if "line item" in w]


@pytest.mark.parametrize(
    ("name", "parent", "code"),
    [
        ("事业单位离退休", "20805", "2080502"),
        ("事业单位离退", "20805", "2080502"),  # cut short
        ("事业单位离退休行政单位离退休", "20805", None),  # the rest of a name above joined to it
        ("行政事业单位离退休", "208", "20805"),  # an alias, not a longer name
        ("一般公共服务支出类支出", "", None),
    ],
)
def test_a_name_going_on_past_a_reference_name_is_not_that_name(name, parent, code):
    """The reference list matches a name that is a subject's, cut short or an alias, not one that goes on past it
    (事业单位离退休行政单位离退休 had been 2080502 wherever a name is matched in the list: finding 44's rest)."""
    ref = function_subjects().match(name, parent)
    assert (ref.code if ref else None) == code
    if code and len(code) == 7:  # a row printing this 项's own code or its 款's: its name names it, not a longer one
        assert _names(name, code) and _names(name, parent) and not _names(name + "行政单位离退休", code)
