-- 政府采购 as stated in the narrative: total, goods / works / services, SME and small/micro amounts and shares.
with statements as (
    select * from {{ ref('fct_statement') }}
    where section = 'procurement'
)

select
    document_id,
    unit_id,
    fiscal_year,
    max(amount_wan) filter (where statement_key = 'procurement_total') as total_wan,
    max(amount_wan) filter (where statement_key = 'procurement_goods') as goods_wan,
    max(amount_wan) filter (where statement_key = 'procurement_works') as works_wan,
    max(amount_wan) filter (where statement_key = 'procurement_services') as services_wan,
    max(amount_wan) filter (where statement_key = 'procurement_sme') as sme_wan,
    max(percent) filter (where statement_key = 'procurement_sme') as sme_share_pct,
    max(amount_wan) filter (where statement_key = 'procurement_small_micro') as small_micro_wan,
    max(percent) filter (where statement_key = 'procurement_small_micro') as small_micro_share_of_sme_pct,
    max(percent) filter (where statement_key = 'procurement_goods_sme_share') as goods_sme_share_pct,
    max(percent) filter (where statement_key = 'procurement_works_sme_share') as works_sme_share_pct,
    max(percent) filter (where statement_key = 'procurement_services_sme_share') as services_sme_share_pct,
    min(source_line) as source_line
from statements
group by document_id, unit_id, fiscal_year
