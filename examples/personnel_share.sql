-- Personnel cost (人员经费) as a share of basic expense (基本支出), per unit and year.
select
    unit_name,
    fiscal_year,
    personnel_wan,
    basic_wan,
    cast(personnel_wan * 100 / nullif(basic_wan, 0) as decimal(9, 1)) as personnel_share_pct
from marts.mart_unit_year
order by personnel_share_pct desc, unit_name, fiscal_year
