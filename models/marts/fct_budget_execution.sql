-- Budget vs final per 项 as the narrative states it (年初预算 / 支出决算 / 完成年初预算的 %).
with lines as (
    select * from {{ ref('stg_raw__budget_lines') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
)

select
    lines.document_id,
    documents.unit_id,
    documents.fiscal_year,
    lines.subject_code,
    lines.subject_path_text,
    lines.original_budget_wan,
    lines.final_wan,
    lines.completion_pct,
    lines.reason,
    {{ exact_ratio('lines.final_wan', 'lines.original_budget_wan', 100, 1) }} as completion_pct_computed,
    lines.code_method,
    lines.source_line
from lines
inner join documents on lines.document_id = documents.document_id
