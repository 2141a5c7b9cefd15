-- One row per fiscal year loaded.
select
    fiscal_year,
    count(*) as document_count,
    count(distinct unit_id) as unit_count
from {{ ref('stg_raw__documents') }}
group by fiscal_year
