-- Table 09 三公经费: budget and actual per item; 合计 and 用车小计 stay in staging.
with three_public_lines as (
    select * from {{ ref('stg_raw__three_public_lines') }}
    where item in ('abroad', 'vehicle_purchase', 'vehicle_operation', 'reception')
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
)

select
    three_public_lines.document_id,
    documents.unit_id,
    documents.fiscal_year,
    three_public_lines.item,
    max(three_public_lines.amount_wan) filter (where three_public_lines.measure = 'budget') as budget_wan,
    max(three_public_lines.amount_wan) filter (where three_public_lines.measure = 'actual') as actual_wan,
    max(three_public_lines.source_line) as source_line
from three_public_lines
inner join documents on three_public_lines.document_id = documents.document_id
group by three_public_lines.document_id, documents.unit_id, documents.fiscal_year, three_public_lines.item
