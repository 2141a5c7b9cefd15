-- 国有资产占用: vehicles (in total and by use) and equipment over 1 million and over 500,000 (the national
-- template's threshold), as the narrative counts them.
select
    document_id,
    unit_id,
    fiscal_year,
    case statement_key
        when 'vehicles_total' then 'vehicles'
        when 'vehicles_by_use' then 'vehicles_by_use'
        when 'equipment_over_1m' then 'equipment_over_1m'
        when 'equipment_over_500k' then 'equipment_over_500k'
    end as asset_kind,
    detail as asset_detail,
    quantity,
    coalesce(quantity_unit, case when statement_key like 'vehicles%' then '辆' else '台（套）' end) as quantity_unit,
    source_line,
    quote
from {{ ref('fct_statement') }}
where statement_key in ('vehicles_total', 'vehicles_by_use', 'equipment_over_1m', 'equipment_over_500k')
