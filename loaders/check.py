"""`fiscal check`: per-document reconciliation summary and Great Expectations suites with Data Docs.

GX validates pandas batches read from DuckDB (GX's SQL datasource does not work with duckdb-engine).
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

STATUS_ORDER = ("fail", "rounding", "pass", "not_applicable")

# Facts summed against the totals the document prints (万元). Rounding may leave a few 分 (rpt_reconciliation
# grades each identity with its exact envelope); more than GAP_LIMIT is a failed identity.
GAP_LIMIT = 0.05
UNIT_YEAR_QUERY = """
select
    document_id,
    unit_name,
    fiscal_year,
    income_total_wan - income_this_year_printed_wan as income_gap_wan,
    expense_total_wan - expense_this_year_printed_wan as expense_gap_wan,
    basic_wan + project_wan - expense_total_wan as basic_project_gap_wan,
    personnel_wan - personnel_printed_wan as personnel_gap_wan,
    public_use_wan - public_use_printed_wan as public_use_gap_wan,
    personnel_wan + public_use_wan as basic_econ_wan,
    three_public_actual_wan - three_public_actual_printed_wan as three_public_gap_wan,
    reconciliation_status
from marts.mart_unit_year
"""
GAP_COLUMNS = (
    "income_gap_wan",
    "expense_gap_wan",
    "basic_project_gap_wan",
    "personnel_gap_wan",
    "public_use_gap_wan",
    "three_public_gap_wan",
)
# The reconciliation findings as their distinct (rule, category, severity, status) combinations with row
# counts: a null or value-set expectation passes or fails on these exactly as on every row, and the frame
# stays a few hundred rows however many documents are loaded (millions of findings at national scale).
RECONCILIATION_QUERY = """
select rule_id, category, severity, status, count(*) as finding_count
from marts.rpt_reconciliation
group by all
order by all
"""


def summary(db: Path) -> str:
    """Per document: counts by status, then every failure and rounding note with its message."""
    counts = ", ".join(f"count(*) filter (where r.status = '{s}')" for s in STATUS_ORDER)
    with duckdb.connect(str(db), read_only=True) as con:
        documents = con.execute(
            f"""select d.unit_name, d.fiscal_year, d.source_file, {counts}
                from marts.rpt_reconciliation r join marts.dim_document d using (document_id)
                group by all order by all"""
        ).fetchall()
        findings = con.execute(
            """select d.unit_name, d.fiscal_year, d.source_file, r.rule_id, r.severity, r.status, r.message,
                      r.source_ref
               from marts.rpt_reconciliation r join marts.dim_document d using (document_id)
               where r.status in ('fail', 'rounding')
               order by d.unit_name, d.fiscal_year, d.source_file, r.rule_id, r.source_ref"""
        ).fetchall()
    by_document: dict[tuple, list[tuple]] = {}
    for unit, year, source, *finding in findings:
        by_document.setdefault((unit, year, source), []).append(tuple(finding))
    out = []
    for unit, year, source, *status_counts in documents:
        line = ", ".join(f"{n} {s}" for s, n in zip(STATUS_ORDER, status_counts, strict=True) if n)
        out.append(f"{unit} {year} ({source}): {line}")
        for rule, severity, status, message, ref in by_document.get((unit, year, source), []):
            label = f"{severity.upper()} {rule}" if status == "fail" else f"rounding {rule}"
            out.append(f"  {label}: {message} [{ref}]")
    return "\n".join(out)


def _suite(gx, name: str, expectations: list) -> object:
    suite = gx.ExpectationSuite(name=name)
    for expectation in expectations:
        suite.add_expectation(expectation)
    return suite


def validate(db: Path, docs_dir: Path) -> tuple[bool, Path]:
    """Run the GX suites on pandas batches read from the warehouse; write Data Docs. Returns (success, index)."""
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction
    from great_expectations.data_context.types.base import ProgressBarsConfig

    with duckdb.connect(str(db), read_only=True) as con:
        frames = {
            "mart_unit_year": con.execute(UNIT_YEAR_QUERY).df(),
            "rpt_reconciliation": con.execute(RECONCILIATION_QUERY).df(),
            "error_rules": con.execute(f"select * from ({RECONCILIATION_QUERY}) where severity = 'error'").df(),
        }
    e = gx.expectations
    suites = {
        "mart_unit_year": [
            e.ExpectColumnValuesToNotBeNull(column="document_id"),
            e.ExpectColumnValuesToBeUnique(column="document_id"),
            *[
                e.ExpectColumnValuesToBeBetween(column=c, min_value=-GAP_LIMIT, max_value=GAP_LIMIT)
                for c in GAP_COLUMNS
            ],
            e.ExpectColumnValuesToBeInSet(
                column="reconciliation_status", value_set=["pass", "rounding", "warning", "fail", "not checked"]
            ),
        ],
        "rpt_reconciliation": [
            e.ExpectColumnValuesToNotBeNull(column="rule_id"),
            e.ExpectColumnValuesToBeInSet(column="status", value_set=list(STATUS_ORDER)),
            e.ExpectColumnValuesToBeInSet(
                column="category",
                value_set=["intra-table", "cross-table", "narrative-vs-table", "performance", "completeness"],
            ),
        ],
        # Error-severity rules are the accounting identities: a clean document fails none of them.
        "error_rules": [e.ExpectColumnValuesToNotBeInSet(column="status", value_set=["fail"])],
    }
    docs_dir.mkdir(parents=True, exist_ok=True)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.add_data_docs_site(
        site_name="fiscal",
        site_config={
            "class_name": "SiteBuilder",
            "store_backend": {"class_name": "TupleFilesystemStoreBackend", "base_directory": str(docs_dir)},
            "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
        },
    )
    source = context.data_sources.add_pandas("warehouse")
    success = True
    for name, expectations in suites.items():
        batch = source.add_dataframe_asset(name=name).add_batch_definition_whole_dataframe(name)
        suite = context.suites.add(_suite(gx, name, expectations))
        definition = context.validation_definitions.add(gx.ValidationDefinition(name=name, data=batch, suite=suite))
        checkpoint = context.checkpoints.add(
            gx.Checkpoint(name=name, validation_definitions=[definition], actions=[UpdateDataDocsAction(name="docs")])
        )
        result = checkpoint.run(batch_parameters={"dataframe": frames[name]})
        success &= bool(result.success)
    offline(docs_dir)
    return success, docs_dir / "index.html"


_REMOTE = re.compile(
    r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>|<link[^>]*\bhref=\"https?://[^\"]*\"[^>]*/?>"
    r"|<img[^>]*\bsrc=\"https?://[^\"]*\"[^>]*/?>",
    re.I,
)


def offline(docs_dir: Path) -> None:
    """Drop the CDN scripts, styles and images GX links to: the pages must open offline, fetching nothing."""
    for page in docs_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        page.write_text(_REMOTE.sub("", text), encoding="utf-8")


def check(db: Path, docs_dir: Path) -> int:
    """Print the summary, run the suites, say where the Data Docs are. Findings do not change the exit code."""
    print(summary(db))
    success, index = validate(db, docs_dir)
    print(f"Great Expectations: {'all suites pass' if success else 'some expectations fail'}; Data Docs: {index}")
    return 0
