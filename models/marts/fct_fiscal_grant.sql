-- Lines of the two-sided tables 01 (all funds) and 04 (fiscal grants); totals and subtotals excluded.
-- source_table tells the two apart: sum within one source_table only.
with totals_lines as (
    select * from {{ ref('stg_raw__totals_lines') }}
    where not is_subtotal
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
)

select
    totals_lines.document_id,
    documents.unit_id,
    documents.fiscal_year,
    totals_lines.side,
    totals_lines.line_item,
    totals_lines.subject_code,
    case when totals_lines.table_code = '01' and totals_lines.side = 'expense' then 'all_funds' else totals_lines.fund end as fund,
    totals_lines.amount_wan,
    totals_lines.table_code as source_table,
    totals_lines.line_no,
    totals_lines.line_name_raw,
    totals_lines.raw_text,
    totals_lines.source_line
from totals_lines
inner join documents on totals_lines.document_id = documents.document_id
