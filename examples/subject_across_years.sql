-- One subject (2010350 事业运行) across the loaded years, with the change on the year before.
select
    unit_name,
    fiscal_year,
    subject_code,
    subject_name,
    amount_wan,
    prior_amount_wan,
    change_wan,
    change_pct
from marts.mart_subject_trend
where subject_code = '2010350' and fund_scope = 'all_funds'
order by unit_name, fiscal_year
