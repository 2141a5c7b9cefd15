"""Synthetic final-account documents: seeded structure, consistent numbers, the real document's layout.

``make(seed)`` draws a unit, a year and a structure (function subjects from the seeds, income sources, carry-overs,
government-fund and state-capital money, economic classes, 三公 items) and renders the nine tables and the narrative
as the real document prints them (tests/data/corpus/wuhan-info-center-2024.md: captions, 公开NN表 lines, 单位 and
金额单位 lines, header and 栏次 rows, tab-separated cells, notes). Every identity of DOMAIN.md holds exactly (amounts
in 万元, 2 decimals, sums of cents). ``Synthetic.truth`` holds the numbers the pipeline must read, in the shape
``observed`` gives a parsed document.
"""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from loaders.document import TABLE_NAMES
from loaders.pipeline import ParsedDocument
from loaders.text import to_wan

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def _seed(name: str) -> list[dict]:
    with (SEEDS / name).open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


FUNC = {r["code"]: r["name"] for r in _seed("ref_function_subjects.csv")}
ECON = {r["code"]: r["name"] for r in _seed("ref_econ_classes.csv") if r["is_candidate"] == "false"}
FUND_WORDS = ("安排的支出", "基金支出")  # government-fund 款 (国有土地使用权出让收入安排的支出 …)
FUND_KUAN = [k for k, n in FUNC.items() if len(k) == 5 and any(w in n for w in FUND_WORDS)]
GPB_KUAN = [k for k in FUNC if len(k) == 5 and k not in FUND_KUAN and k[:3] not in ("209", "223")]
STATE_CAPITAL_KUAN = ("22301", "解决历史遗留问题及改革成本支出")  # the seeds list 223 alone
# Table 01's and 04's expense lines: the template's 26 classes (the real document's names).
CLASS_LINES = [
    "一般公共服务",
    "外交",
    "国防",
    "公共安全",
    "教育",
    "科学技术",
    "文化旅游体育与传媒",
    "社会保障和就业",
    "卫生健康",
    "节能环保",
    "城乡社区",
    "农林水",
    "交通运输",
    "资源勘探工业信息等",
    "商业服务业等",
    "金融",
    "援助其他地区",
    "自然资源海洋气象等",
    "住房保障",
    "粮油物资储备",
    "国有资本经营预算",
    "灾害防治及应急管理",
    "其他",
    "债务还本",
    "债务付息",
    "抗疫特别国债安排的",
]
CLASS_CODES = "201 202 203 204 205 206 207 208 210 211 212 213 214 215 216 217 219 220 221 222 223 224 229 231 232 234"
NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
# Economic 款 per panel of table 06, as the template lists them (人员经费: 301 then 303; 公用经费: 302; 310).
PANELS = [("301", "303"), ("302",), ("310",)]
PLACES = ["襄阳市", "宜昌市", "黄石市", "十堰市", "荆州市", "孝感市", "咸宁市"]
OFFICES = ["政务数据服务中心", "档案馆", "统计局", "科学技术协会", "住房保障中心", "文化馆", "群众艺术馆", "财政局"]
ZERO = Decimal(0)
FUND_KEYS = {"general_public_budget": "gpb", "government_fund": "fund", "state_capital": "sc"}
KINDS = ("gb", "gp", "gbeg", "gend", "fi", "fe", "fbeg", "fend", "sc", "bb", "bp", "op", "ot")


def numeral(n: int) -> str:
    return NUMERALS[n - 1] if n <= 10 else ("二十" if n >= 20 else "十") + (NUMERALS[n % 10 - 1] if n % 10 else "")


def fmt(d: Decimal, zero: str = "") -> str:
    return f"{d:,.2f}" if d else zero


def _cut(rng: random.Random, total: Decimal, n: int) -> list[Decimal]:
    """``total`` split into ``n`` positive amounts (cents)."""
    cents = int(total * 100)
    cuts = sorted(rng.sample(range(1, cents), n - 1)) if n > 1 else []
    return [Decimal(b - a) / 100 for a, b in zip([0, *cuts], [*cuts, cents], strict=True)]


def _money(rng: random.Random, lo: int, hi: int) -> Decimal:
    return Decimal(rng.randint(lo * 100, hi * 100)) / 100


def _xiang(kuan: str) -> list[tuple[str, str]]:
    """项 of a 款: the seeds', else the suffix convention (01 行政运行, 50 事业运行, 99 其他…支出)."""
    seeded = [(c, n) for c, n in FUNC.items() if len(c) == 7 and c[:5] == kuan]
    name = FUNC.get(kuan, STATE_CAPITAL_KUAN[1])
    other = name if name.startswith("其他") else "其他" + name + ("" if name.endswith("支出") else "支出")
    if seeded or name.startswith("其他") or kuan in FUND_KUAN:
        return seeded or [(kuan + "99", other)]
    return [(kuan + "01", "行政运行"), (kuan + "50", "事业运行"), (kuan + "99", other)]


@dataclass
class Options:
    """What a document holds beyond fiscal grants of the general public budget."""

    gov_fund: bool = False  # table 07 with rows (and carry-overs)
    state_capital: bool = False  # table 08 with rows
    carryover: bool = False  # 一般公共预算 carry-overs at the start and end of the year
    other_income: bool = False  # 事业收入 / 经营收入 / 其他收入
    vehicle_purchase: bool = False
    department: bool = False  # a 部门 document
    econ_full_codes: bool = False  # table 06 prints 30101 instead of 30
    econ_all_rows: bool = True  # table 06 lists every 款 of the template, amounts or not
    widths: tuple = (13, 15, 9)  # tables 02, 03 and 06 cut long names at these widths (None: in full)
    zero: str = ""  # how a zero prints: blank or 0.00


@dataclass
class Synthetic:
    seed: int
    unit: str
    year: int
    kind: str
    options: Options
    text: str
    truth: dict


def draw_options(rng: random.Random) -> Options:
    flip = lambda p: rng.random() < p  # noqa: E731
    return Options(
        flip(0.4),
        flip(0.3),
        flip(0.4),
        flip(0.5),
        flip(0.4),
        flip(0.3),
        flip(0.3),
        flip(0.6),
        (rng.choice([11, 13, None]), rng.choice([13, 15, None]), rng.choice([7, 8, 9, None])),
        rng.choice(["", "0.00"]),
    )


def _leaves(rng: random.Random, o: Options) -> list[dict]:
    """项 rows with their money by kind (gb/gp 一般公共预算 basic/project, gbeg/gend its carry-overs, fi/fe/fbeg/fend
    government fund income/expense/carry-overs, sc state capital, bb/bp 事业收入 basic/project,
    op 经营, ot 其他收入)."""
    kuans = rng.sample(GPB_KUAN, rng.randint(2, 6))
    picked = sorted({x for k in kuans for x in rng.sample(_xiang(k), rng.randint(1, min(3, len(_xiang(k)))))})
    leaves = [dict.fromkeys(KINDS, ZERO) | {"code": c, "name": n} for c, n in picked]
    for leaf in leaves:
        kind = rng.choice(["basic", "project", "both"])
        leaf["gp"] = _money(rng, 1, 900) if kind != "basic" else ZERO
        leaf["gb"] = Decimal(1) if kind != "project" else ZERO  # a share of the basic total, set below
        if o.carryover and rng.random() < 0.5:
            leaf["gbeg"], leaf["gend"] = _money(rng, 0, 50), _money(rng, 0, 50)
        if o.other_income and rng.random() < 0.5:
            leaf["bb"], leaf["bp"], leaf["ot"] = (_money(rng, 0, 200) for _ in range(3))
            leaf["op"] = _money(rng, 0, 100) if rng.random() < 0.5 else ZERO
    if not any(leaf["gb"] for leaf in leaves):
        leaves[0]["gb"] = Decimal(1)
    if o.gov_fund:
        kuan = rng.choice(FUND_KUAN)
        for code, name in _xiang(kuan)[:1]:
            leaf = dict.fromkeys(KINDS, ZERO) | {"code": code, "name": name}
            leaf["fe"], leaf["fend"] = _money(rng, 1, 500), _money(rng, 0, 80)
            leaf["fbeg"] = _money(rng, 0, int(leaf["fe"] + leaf["fend"]))
            leaf["fi"] = leaf["fe"] + leaf["fend"] - leaf["fbeg"]
            leaves.append(leaf)
    if o.state_capital:
        code, name = rng.choice(_xiang(STATE_CAPITAL_KUAN[0]))
        leaves.append(dict.fromkeys(KINDS, ZERO) | {"code": code, "name": name, "sc": _money(rng, 1, 300)})
    return sorted(leaves, key=lambda leaf: leaf["code"])


def _columns(leaf: dict) -> dict[str, dict[str, Decimal]]:
    """One 项's figures per subject table and column key (as loaders.interpret.subjects names them)."""
    g = leaf
    t03 = {"basic": g["gb"] + g["bb"], "project": g["gp"] + g["fe"] + g["sc"] + g["bp"] + g["ot"], "operating": g["op"]}
    t02 = {"fiscal_grant": g["gi"] + g["fi"] + g["sc"], "business": g["bb"] + g["bp"], "operating": g["op"]}
    t02["other"] = g["ot"]
    out = {"02": t02, "03": t03, "05": {"basic": g["gb"], "project": g["gp"]}}
    out["07"] = {"carryover_begin": g["fbeg"], "income": g["fi"], "basic": ZERO, "project": g["fe"]}
    out["07"]["carryover_end"] = g["fend"]
    out["08"] = {"basic": ZERO, "project": g["sc"]}
    for code, cols in out.items():
        spent = ("basic", "project", "operating") if code != "02" else tuple(cols)
        cols["total"] = sum((cols[k] for k in spent if k in cols), ZERO)
    return out


def _econ(rng: random.Random, o: Options, three: dict) -> dict[str, Decimal]:
    """Table 06's 款 amounts: the 三公 items' own 款 at their actual figures, some others at random."""
    amounts = {"30217": three["reception"], "30231": three["vehicle_operation"], "31013": three["vehicle_purchase"]}
    for cls, n in (("301", 6), ("303", 2), ("302", 6), ("310", 1)):
        for code in rng.sample([c for c in ECON if len(c) == 5 and c[:3] == cls], n):
            amounts.setdefault(code, _money(rng, 1, 120 if cls != "302" else 30))
    return {c: a for c, a in amounts.items() if a}


def _tables(leaves: list[dict], o: Options) -> dict[str, list[tuple[str, str, dict]]]:
    """Subject tables' rows (code, name, column → amount) with 类 and 款 sums, 合计 first; a table lists the rows
    its money touches."""
    out = {}
    for t in ("02", "03", "05", "07", "08"):
        sums: dict[str, dict[str, Decimal]] = defaultdict(lambda: defaultdict(lambda: ZERO))
        for leaf in leaves:
            cols = _columns(leaf)[t]
            if not cols["total"] and not (t == "07" and (leaf["fbeg"] or leaf["fend"])):
                continue
            for code in ("合计", leaf["code"][:3], leaf["code"][:5], leaf["code"]):
                for k, v in cols.items():
                    sums[code][k] += v
        names = {leaf["code"]: leaf["name"] for leaf in leaves} | {STATE_CAPITAL_KUAN[0]: STATE_CAPITAL_KUAN[1]}
        out[t] = [(c, "合计" if c == "合计" else names.get(c) or FUNC[c], dict(v)) for c, v in sorted(sums.items())]
        out[t].sort(key=lambda row: row[0] != "合计")
    return out


def _pct(part: Decimal, whole: Decimal) -> str:
    return f"{(part * 100 / whole).quantize(Decimal('0.1'), 'ROUND_HALF_UP')}" if whole else "0.0"


def _cut_name(name: str, width: int | None) -> str:
    return name[:width] if width else name


def _subject_table(t: str, rows: list, o: Options, width: int | None) -> list[str]:
    """Table 02, 03, 05, 07 or 08 as the real document prints it (02: code | | name; 03: 项 rows with their 款 code)."""
    keys = {
        "02": ["total", "fiscal_grant", "superior_subsidy", "business", "operating", "affiliate_remittance", "other"],
        "03": ["total", "basic", "project", "remit_to_superior", "operating", "subsidy_to_affiliates"],
        "05": ["total", "basic", "project"],
        "07": ["carryover_begin", "income", "total", "basic", "project", "carryover_end"],
        "08": ["total", "basic", "project"],
    }[t]
    head = {
        "02": [
            "项目\t\t\t\t本年收入合 计\t财政拨款收 入\t上级补助收 入\t事业收入\t经营收入\t附属单位上 缴收入\t其他收入",
            "功能分 类科目 编码\t\t科目名称\t\t\t\t\t\t\t\t",
        ],
        "03": [
            "项目\t\t\t本年支出合计\t基本支出\t项目支出\t上缴上级支出\t经营支出\t对附属单位补助支出\t",
            "功能分类科目编码\t科目名称\t\t\t\t\t\t\t\t",
        ],
        "05": ["项目\t\t\t\t本年支出\t\t", "功能分\t科目名称\t\t\t小计\t基本支出\t项目支出", "类\t款\t项\t编码\t\t\t"],
        "07": [
            "项目\t\t\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余",
            "功能分类科目编码\t科目名称\t\t\t\t\t小计\t基本支出\t项目支出\t",
        ],
        "08": ["项目\t\t\t\t本年支出\t\t", "功能分类科目编码\t科目名称\t\t\t合计\t基本支出\t项目支出"],
    }[t]
    numbers = "\t".join(str(i + 1) for i in range(len(keys)))
    out = [*head, f"栏次\t\t\t\t{numbers}" if t == "05" else f"类\t款\t项\t栏次\t{numbers}"]
    for code, name, cols in rows or [("合计", "合计", {})]:
        cells = "\t".join(fmt(cols.get(k, ZERO), o.zero) for k in keys)
        if code == "合计":
            out.append(f"合计\t\t\t\t{cells}" if t == "05" else f"\t\t\t合计\t{cells}")
        elif t == "02":
            out.append(f"{code}\t\t{_cut_name(name, width)}\t\t{cells}")
        else:
            printed = code[:5] if t == "03" and len(code) == 7 else code
            out.append(f"{printed}\t{_cut_name(name, width if t == '03' else None)}\t\t\t{cells}")
    return out


INCOME_KEYS = {
    "01": [
        "gpb",
        "fund",
        "sc",
        "superior",
        "business",
        "operating",
        "affiliate",
        "other",
        *[""] * 18,
        "this_year",
        "non_grant_balance",
        "carryover_begin",
        "grand",
    ],
    "04": [
        "gpb",
        "fund",
        "sc",
        *[""] * 23,
        "this_year",
        "carryover_begin",
        "begin_gpb",
        "begin_fund",
        "begin_sc",
        "grand",
    ],
}
EXPENSE_TAIL = {
    "01": ["this_year", "distribution", "carryover_end", "grand"],
    "04": ["this_year", "carryover_end", "", "", "", "grand"],
}


def _totals_table(t: str, v: dict, o: Options) -> list[str]:
    """Table 01 or 04: income lines left, expense lines right (04: the expense side by fund); ``v`` maps (side, key,
    column) to amounts, a class line's key being its code."""
    z = o.zero
    exp_cols = ["total", "gpb", "fund", "sc"] if t == "04" else ["total"]
    if t == "01":
        income = [
            "一、一般公共预算财政拨款收入",
            "二、政府性基金预算财政拨款收入",
            "三、国有资本经营预算财政拨款收入",
            "四、上级补助收入",
            "五、事业收入",
            "六、经营收入",
            "七、附属单位上缴收入",
            "八、其他收入",
        ]
        income += [""] * 18 + ["本年收入合计", "使用非财政拨款结余（含专用结余）", "年初结转和结余", "总计"]
        tail = ["本年支出合计", "结余分配", "年末结转和结余", "总计"]
        out = ["收入\t\t\t支出\t\t", "项目\t行\t金额\t项目\t行\t金额", "栏次\t\t1\t栏次\t\t2"]
    else:
        income = ["一、一般公共预算财政拨款", "二、政府性基金预算财政", "三、国有资本经营预算财"] + [""] * 23
        income += [
            "<b>本年收入合计</b>",
            "年初财政拨款结转和结",
            "一般公共预算财政拨",
            "政府性基金预算财政",
            "国有资本经营预算财",
            "<b>总计</b>",
        ]
        tail = ["<b>本年支出合计</b>", "年末财政拨款结转和结余", "", "", "", "<b>总计</b>"]
        out = [
            "收 入\t\t\t支 出\t\t\t\t\t",
            "项目\t行次\t决算数\t项目\t行次\t决算数\t\t\t",
            "\t\t\t\t\t小计\t一般公共预算财政拨款\t政府性基金预算财政拨款\t国有资本经营预算财政拨款",
            "栏次\t\t1\t栏次\t\t2\t3\t4\t5",
        ]
    expense = [f"{numeral(i + 1)}、{n}支出" for i, n in enumerate(CLASS_LINES)]
    expense = [(n[:12] if t == "04" else n) for n in expense] + tail
    keys = CLASS_CODES.split() + EXPENSE_TAIL[t]
    for i, label in enumerate(income):
        amounts = "\t".join(fmt(v.get(("expense", keys[i], c), ZERO), z) for c in exp_cols)
        left = fmt(v.get(("income", INCOME_KEYS[t][i], "total"), ZERO), z)
        out.append(f"{label}\t{i + 1}\t{left}\t{expense[i]}\t{len(income) + i + 1}\t{amounts}")
    return out


def _econ_table(amounts: dict[str, Decimal], o: Options, width: int | None) -> list[str]:
    """Table 06 in three panels (人员经费: 301 and 303; 公用经费: 302; 310), each 类 row over its 款 rows."""
    panels = []
    for classes in PANELS:
        rows = []
        for cls in classes:
            kuans = [c for c in ECON if len(c) == 5 and c[:3] == cls and (o.econ_all_rows or c in amounts)]
            total = sum((amounts.get(c, ZERO) for c in kuans), ZERO)
            for code in [cls, *kuans]:
                printed = code if o.econ_full_codes else code[:2]
                rows.append(
                    (
                        printed,
                        _cut_name(ECON[code], width),
                        fmt(total if code == cls else amounts.get(code, ZERO), o.zero),
                    )
                )
        panels.append(rows)
    height = max(len(p) for p in panels)
    out = ["人员经费\t\t\t公用经费\t\t\t\t\t", "经济分类\t科目名称\t决算数\t" * 3]
    out[1] = out[1].rstrip("\t")
    for i in range(height):
        out.append("\t".join("\t".join(p[i]) if i < len(p) else "\t\t" for p in panels))
    personnel = sum((a for c, a in amounts.items() if c[:3] in PANELS[0]), ZERO)
    public = sum((a for c, a in amounts.items() if c[:3] not in PANELS[0]), ZERO)
    out.append(f"人员经费合计\t\t{fmt(personnel, o.zero)}\t公用经费合计\t\t\t\t\t{fmt(public, o.zero)}")
    return out


THREE_ITEMS = ["total", "abroad", "vehicle_subtotal", "vehicle_purchase", "vehicle_operation", "reception"]


def _three_public_table(three: dict, budget: dict, o: Options) -> list[str]:
    words = "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费"
    out = [
        "预算数\t\t\t\t\t\t决算数\t\t\t\t\t",
        f"{words}\t{words}",
        "\t\t小计\t公务用车购置\t公务用车运行\t\t\t\t小计\t公务用车购置\t公务用车运行\t",
        "\t".join(map(str, range(1, 13))),
    ]
    out.append("\t".join(fmt(d[k], o.zero) for d in (budget, three) for k in THREE_ITEMS))
    return out


def w(d: Decimal) -> str:
    return f"{d:,.2f}"


def _change(rng: random.Random, now: Decimal) -> str:
    """与上年相比 …: a change on a prior year drawn at random, its percentage of the prior year."""
    prior = (now * Decimal(rng.randint(70, 130)) / 100).quantize(Decimal("0.01")) or Decimal("1.00")
    d = now - prior or Decimal("0.01")
    return f"{'增加' if d > 0 else '减少'} {w(abs(d))} 万元，{'增长' if d > 0 else '下降'} {_pct(abs(d), now - d)}%"


def _narrative(rng: random.Random, s: dict) -> list[str]:
    """第三部分 情况说明, the real document's sentences with the synthetic figures."""
    y, u, c = s["year"], s["unit"], lambda now: _change(rng, now)
    inc, exp, basic, project = s["income"], s["expense"], s["basic"], s["project"]
    sources = "".join(f"；{n} {w(a)} 万元，占本年收入 {_pct(a, inc)}%" for n, a in s["sources"] if a)
    out = [
        f"## 第三部分 {u} {y} 年度{s['kind']}情况说明",
        "### 一、收入支出决算总体情况说明",
        f"{y} 年度收、支总计均为 {w(s['grand'])} 万元。"
        f"与 {y - 1} 年度相比，收、支总计{c(s['grand'])}，主要原因是业务调整。",
        "### 二、收入决算情况说明",
        f"{y} 年度收入合计 {w(inc)} 万元，与 {y - 1} 年度相比，"
        f"收入合计{c(inc)}，主要原因是业务调整，其中：{sources[1:]}。",
        "### 三、支出决算情况说明",
        f"{y} 年度支出合计 {w(exp)} 万元，与 {y - 1} 年度相比，支出合计{c(exp)}，主要原因是业务调整，其中：基本支出 "
        f"{w(basic)} 万元，占本年支出 {_pct(basic, exp)}%；项目支出 {w(project)} 万元，占本年支出 {_pct(project, exp)}%"
        + (f"；经营支出 {w(s['operating'])} 万元，占本年支出 {_pct(s['operating'], exp)}%" if s["operating"] else "")
        + "。",
        "#### 四、财政拨款收入支出决算总体情况说明",
        f"{y} 年度财政拨款收、支总计均为 {w(s['grant_grand'])} 万元。与 {y - 1} 年度相比，"
        f"财政拨款收、支总计各{c(s['grant_grand'])}。主要原因是业务调整。",
        f"{y} 年度财政拨款收入中，一般公共预算财政拨款收入 {w(s['gpb_income'])} 万元，"
        f"比 {y - 1} 年度决算数{c(s['gpb_income'])}。",
        "#### 五、一般公共预算财政拨款支出决算情况说明",
        "##### (一) 一般公共预算财政拨款支出决算总体情况",
        f"{y} 年度一般公共预算财政拨款支出 {w(s['gpb'])} 万元，占本年支出合计的 {_pct(s['gpb'], exp)}%。与 {y - 1} "
        f"年度相比，一般公共预算财政拨款支出{c(s['gpb'])}，主要原因是业务调整。",
        "## (二)一般公共预算财政拨款支出决算结构情况",
        f"{y} 年度一般公共预算财政拨款支出 {w(s['gpb'])} 万元，主要用于以下方面：",
    ]
    out += [
        f"{i}. {FUNC[code]}类支出 {w(a)} 万元，占 {_pct(a, s['gpb'])}%。主要是用于基本支出和项目支出。"
        for i, (code, a) in enumerate(s["gpb_classes"], 1)
    ]
    budget = s["budget"]
    out += [
        "## (三)一般公共预算财政拨款支出决算具体情况",
        f"{y} 年度一般公共预算财政拨款支出年初预算为 {w(sum(b for *_, b in budget))} 万元，"
        f"支出决算为 {w(s['gpb'])} 万元，"
        f"完成年初预算的 {_pct(s['gpb'], sum(b for *_, b in budget))}%。"
        f"其中：基本支出 {w(s['gpb_basic'])} 万元，项目支出 "
        f"{w(s['gpb'] - s['gpb_basic'])} 万元。",
    ]
    for i, (code, name, final, b) in enumerate(budget, 1):
        path = f"{FUNC[code[:3]]}（类）{FUNC[code[:5]]}（款）{name}（项）"
        out.append(f"（{i}）{path}年初预算为 {w(b)}万元，支出决算为{w(final)}万元，完成年初预算的{_pct(final, b)}%。")
    t, b = s["three"], s["three_budget"]
    none = f"{y} 年度{u}没有{{0}}预算财政拨款收入，也没有使用{{0}}预算财政拨款安排的支出。"
    out += [
        "### 六、一般公共预算财政拨款基本支出决算情况说明",
        f"{y} 年度一般公共预算财政拨款基本支出 {w(s['gpb_basic'])} 万元，其中：",
        f"人员经费 {w(s['personnel'])} 万元，主要包括：基本工资、津贴补贴等。",
        f"公用经费 {w(s['public_use'])} 万元，主要包括：办公费、印刷费等。",
        "## **七、政府性基金预算财政拨款收入支出决算情况说明**",
        f"{y} 年度政府性基金预算财政拨款支出 {w(s['fund'])} 万元。" if s["fund"] else none.format("政府性基金"),
        "## **八、国有资本经营预算财政拨款支出决算情况说明**",
        f"{y} 年度国有资本经营预算财政拨款支出 {w(s['sc'])} 万元。" if s["sc"] else none.format("国有资本经营"),
        "## **九、财政拨款“三公”经费支出决算情况说明**",
        "### **(一) “三公”经费财政拨款支出决算总体情况说明。**",
        f"{y} 年度“三公”经费财政拨款支出全年预算为 {w(b['total'])} 万元，"
        f"支出决算为 {w(t['total'])} 万元，完成全年预算的 "
        f"{_pct(t['total'], b['total'])}%。",
        "## （二）“三公”经费财政拨款支出决算具体情况说明。",
        f"1. 因公出国(境)费全年预算为 {w(b['abroad'])} 万元，支出决算为 {w(t['abroad'])} 万元，"
        f"完成全年预算的 {_pct(t['abroad'], b['abroad'])}%。",
        f"2. 公务用车购置及运行费全年预算为 {w(b['vehicle_subtotal'])} 万元，"
        f"支出决算为 {w(t['vehicle_subtotal'])} 万元，完成全年预算的 "
        f"{_pct(t['vehicle_subtotal'], b['vehicle_subtotal'])}%。其中：",
        f"(1) 公务用车购置费支出 {w(t['vehicle_purchase'])} 万元。本年度购置(更新)公务用车 {s['bought']} 辆。",
        f"(2) 公务用车运行费支出 {w(t['vehicle_operation'])} 万元，主要用于车辆维修保养、保险、燃油费。"
        f"截至 {y} 年 12 月 31 日，开支财政拨款的公务用车保有量为 {s['cars']} 辆。",
        f"3. 公务接待费全年预算为 {w(b['reception'])} 万元，支出决算为 {w(t['reception'])} 万元，"
        f"完成全年预算的 {_pct(t['reception'], b['reception'])}%。其中：",
        f"国内公务接待支出 {w(t['reception'])} 万元，主要是业务交流。",
        "## 十二、国有资产占用情况说明",
        f"截至{y}年12月31日，{u}共有车辆{s['cars']}辆，其中，机要通信用车{s['cars'] - 1}辆、应急保障用车1辆。",
    ]
    return out


def _three(rng: random.Random, o: Options) -> tuple[dict, dict]:
    """三公 actual and budget figures by item."""
    maybe = lambda p, lo, hi: _money(rng, lo, hi) if rng.random() < p else ZERO  # noqa: E731
    actual = {"abroad": maybe(0.3, 1, 6), "vehicle_purchase": maybe(o.vehicle_purchase, 15, 30)}
    actual |= {"vehicle_operation": maybe(0.8, 1, 9), "reception": maybe(0.8, 0, 2)}
    budget = {k: a + maybe(0.5, 0, 2) for k, a in actual.items()}
    for d in (actual, budget):
        d["vehicle_subtotal"] = d["vehicle_purchase"] + d["vehicle_operation"]
        d["total"] = d["abroad"] + d["vehicle_subtotal"] + d["reception"]
    return actual, budget


def make(seed: int, options: Options | None = None) -> Synthetic:
    rng = random.Random(seed)
    o = options or draw_options(rng)
    year, unit = rng.randint(2020, 2024), rng.choice(PLACES) + rng.choice(OFFICES)
    kind = "部门决算" if o.department else "单位决算"
    three, three_budget = _three(rng, o)
    econ = _econ(rng, o, three)
    leaves = _leaves(rng, o)
    basic = [leaf for leaf in leaves if leaf["gb"]]
    for leaf, share in zip(basic, _cut(rng, sum(econ.values(), ZERO), len(basic)), strict=True):
        leaf["gb"] = share
    for leaf in leaves:  # the 一般公共预算 income of a row: what it spent and keeps, less what it carried in
        leaf["gend"] += max(ZERO, leaf["gbeg"] - leaf["gb"] - leaf["gp"] - leaf["gend"])
        leaf["gi"] = leaf["gb"] + leaf["gp"] + leaf["gend"] - leaf["gbeg"]
    tables = _tables(leaves, o)
    total = lambda *kinds: sum((leaf[k] for leaf in leaves for k in kinds), ZERO)  # noqa: E731
    grants = {"gpb": total("gi"), "fund": total("fi"), "sc": total("sc")}
    begin = {"begin_gpb": total("gbeg"), "begin_fund": total("fbeg"), "carryover_begin": total("gbeg", "fbeg")}
    end = {"gpb": total("gend"), "fund": total("fend"), "total": total("gend", "fend")}
    others = {"business": total("bb", "bp"), "operating": total("op"), "other": total("ot")}
    classes = {}  # (class code, fund column) -> amount
    for t, col in (("03", "total"), ("05", "gpb"), ("07", "fund"), ("08", "sc")):
        classes |= {(code, col): cols["total"] for code, _, cols in tables[t] if len(code) == 3}
    v01 = {("income", k, "total"): a for k, a in (grants | others).items()}
    v01 |= {("expense", c, "total"): a for (c, col), a in classes.items() if col == "total"}
    v01 |= {
        ("income", "carryover_begin", "total"): begin["carryover_begin"],
        ("expense", "carryover_end", "total"): end["total"],
    }
    v04 = {("income", k, "total"): a for k, a in (grants | begin).items()}
    v04 |= {("expense", c, col): a for (c, col), a in classes.items() if col != "total"}
    v04 |= {
        ("expense", c, "total"): sum((classes.get((c, f), ZERO) for f in FUND_KEYS.values()), ZERO) for c, _ in classes
    }
    v04 |= {("expense", "carryover_end", col): a for col, a in end.items()}
    for v, income in ((v01, grants | others), (v04, grants)):
        v["income", "this_year", "total"] = sum(income.values(), ZERO)
        v["income", "grand", "total"] = v["income", "this_year", "total"] + begin["carryover_begin"]
        for col in ("total", *FUND_KEYS.values()):
            spent = sum((a for k, a in v.items() if k[0] == "expense" and k[1] in CLASS_CODES and k[2] == col), ZERO)
            v["expense", "this_year", col] = spent
            v["expense", "grand", col] = spent + v.get(("expense", "carryover_end", col), ZERO)
        assert v["income", "grand", "total"] == v["expense", "grand", "total"], seed
    return _document(rng, seed, o, year, unit, kind, tables, v01, v04, econ, three, three_budget, leaves)


def _document(rng, seed, o, year, unit, kind, tables, v01, v04, econ, three, three_budget, leaves) -> Synthetic:
    w02, w03, w06 = o.widths
    blocks = {
        "01": _totals_table("01", v01, o),
        "02": _subject_table("02", tables["02"], o, w02),
        "03": _subject_table("03", tables["03"], o, w03),
        "04": _totals_table("04", v04, o),
        "05": _subject_table("05", tables["05"], o, None),
        "06": _econ_table(econ, o, w06),
        "07": _subject_table("07", tables["07"], o, None),
        "08": _subject_table("08", tables["08"], o, None),
        "09": _three_public_table(three, three_budget, o),
    }
    lines = [
        f"# {year} 年度{unit}{kind}公开",
        f"{year + 1} 年 9 月 {rng.randint(1, 29)} 日",
        f"# 第一部分 {unit} 概况",
        "## 一、主要职责",
        "负责本单位职责范围内的各项工作。",
        f"## 第二部分 {unit} {year} 年度{kind}表",
    ]
    for code, block in blocks.items():
        if code == "07" and not o.gov_fund:
            continue  # as in the real document: table 07 left out, the narrative says there was none
        lines += [
            f"{year} 年度{TABLE_NAMES[code]}",
            f"公开 {code} 表",
            f"单位：{unit}      {year} 年度      金额单位：万元",
        ]
        lines += [
            "\n".join(block),
            f"注：本表反映{'单位' if kind == '单位决算' else '部门'}本年度{TABLE_NAMES[code]}情况。",
        ]
    gpb = next(cols for code, _, cols in tables["05"] if code == "合计")
    t03 = next(cols for code, _, cols in tables["03"] if code == "合计")
    t02 = next(cols for code, _, cols in tables["02"] if code == "合计")
    personnel = sum((a for c, a in econ.items() if c[:3] in PANELS[0]), ZERO)
    budget = []
    for code, name, cols in tables["05"]:
        if len(code) == 7:
            budget.append(
                (code, name, cols["total"], (cols["total"] * rng.randint(80, 120) / 100).quantize(Decimal("0.01")))
            )
    facts = {
        "year": year,
        "unit": unit,
        "kind": kind,
        "grand": v01["income", "grand", "total"],
        "income": t02["total"],
        "expense": t03["total"],
        "basic": t03["basic"],
        "project": t03["project"],
        "operating": t03["operating"],
        "sources": [
            ("财政拨款收入", t02["fiscal_grant"]),
            ("事业收入", t02["business"]),
            ("经营收入", t02["operating"]),
            ("其他收入", t02["other"]),
        ],
        "grant_grand": v04["income", "grand", "total"],
        "gpb_income": v04["income", "gpb", "total"],
        "gpb": gpb["total"],
        "gpb_basic": gpb["basic"],
        "budget": budget,
        "gpb_classes": [(code, cols["total"]) for code, _, cols in tables["05"] if len(code) == 3],
        "personnel": personnel,
        "public_use": gpb["basic"] - personnel,
        "fund": v04["expense", "this_year", "fund"],
        "sc": v04["expense", "this_year", "sc"],
        "three": three,
        "three_budget": three_budget,
        "bought": 1 if three["vehicle_purchase"] else 0,
        "cars": rng.randint(2, 6),
    }
    lines += _narrative(rng, facts)
    truth = {
        "unit": unit,
        "year": year,
        "kind": kind,
        **{t: {(c, k): a for c, _, cols in rows for k, a in cols.items() if a} for t, rows in tables.items()},
        "06": {c: a for c, a in econ.items()}
        | {c: sum((a for k, a in econ.items() if k[:3] == c), ZERO) for c in {k[:3] for k in econ}}
        | {"personnel_total": personnel, "public_use_total": gpb["basic"] - personnel},
        "09": {(m, k): a for m, d in (("budget", three_budget), ("actual", three)) for k, a in d.items() if a},
        "01": {k: a for k, a in v01.items() if a},
        "04": {k: a for k, a in v04.items() if a},
    }
    return Synthetic(seed, unit, year, kind, o, "\n\n".join(lines) + "\n", truth)


def observed(parsed: ParsedDocument) -> dict:
    """The numbers of a parsed document in the truth's shape (nonzero amounts, in 万元)."""
    unit = {s.table_code: s.amount_unit for s in parsed.statuses}
    out = {"unit": parsed.document.unit_name, "year": parsed.document.fiscal_year, "kind": parsed.document.doc_kind}
    for t in ("02", "03", "05", "07", "08"):
        rows = parsed.subjects.get(t, [])
        out[t] = {
            ("合计" if r.is_total else r.code, k): to_wan(a[0], unit[t])
            for r in rows
            for k, a in r.amounts.items()
            if a[0]
        }
    out["06"] = {r.code or r.total_key: to_wan(r.amount, unit["06"]) for r in parsed.econ if r.amount}
    out["09"] = {(c.measure, c.item): to_wan(c.amount, unit["09"]) for c in parsed.three_public if c.amount}
    for t in ("01", "04"):
        out[t] = {_totals_key(x): to_wan(x.amount, unit[t]) for x in parsed.totals.get(t, []) if x.amount}
    return out


ITEM_KEYS = {
    "gpb_grant": "gpb",
    "gov_fund_grant": "fund",
    "state_capital_grant": "sc",
    "business_income": "business",
    "operating_income": "operating",
    "other_income": "other",
    "income_this_year_total": "this_year",
    "expense_this_year_total": "this_year",
    "grand_total": "grand",
}


def _totals_key(x) -> tuple[str, str, str]:
    """A totals line as the truth keys it: (side, item or class code, column)."""
    item = x.subject_code or ITEM_KEYS.get(x.line_item, x.line_item)
    if x.line_item == "carryover_begin" and x.fund:
        item = "begin_" + FUND_KEYS[x.fund]
    return x.side, item, FUND_KEYS.get(x.column_key, "total")
