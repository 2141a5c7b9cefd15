-- One row per budget unit; name and alias from its most recent document.
with documents as (
    select * from {{ ref('stg_raw__documents') }}
)

select
    unit_id,
    arg_max(unit_name, fiscal_year) as unit_name,
    arg_max(unit_alias, fiscal_year) as unit_alias,
    min(fiscal_year) as first_fiscal_year,
    max(fiscal_year) as last_fiscal_year,
    count(*) as document_count
from documents
group by unit_id
