-- Figures stated in the narrative (情况说明): one row per amount, share, change or count, with its quote.
with statements as (
    select * from {{ ref('stg_raw__statements') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
)

select
    statements.document_id,
    documents.unit_id,
    documents.fiscal_year,
    statements.statement_key,
    statements.amount_wan,
    statements.percent,
    statements.source_line,
    statements.quote,
    statements.quantity,
    statements.quantity_unit,
    statements.detail,
    statements.subject_code,
    statements.section
from statements
inner join documents on statements.document_id = documents.document_id
