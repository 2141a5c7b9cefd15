-- Units ranked by 三公 actual spending (决算数), largest first.
select
    unit_name,
    fiscal_year,
    three_public_actual_wan,
    three_public_budget_wan
from marts.mart_unit_year
order by three_public_actual_wan desc, unit_name, fiscal_year
