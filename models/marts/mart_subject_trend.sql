-- One subject of one unit across years: amount, the loaded prior year and the change.
with expense as (
    select
        unit_id,
        fiscal_year,
        fund_scope,
        subject_code,
        cast(sum(amount_wan) as decimal(22, 6)) as amount_wan
    from {{ ref('fct_expense') }}
    group by unit_id, fiscal_year, fund_scope, subject_code
),

trend as (
    select
        *,
        lag(fiscal_year) over (partition by unit_id, fund_scope, subject_code order by fiscal_year) as prior_fiscal_year
    from expense
)

select
    trend.unit_id,
    units.unit_name,
    trend.subject_code,
    subjects.subject_name,
    trend.fiscal_year,
    trend.fund_scope,
    trend.amount_wan,
    previous_year.amount_wan as prior_amount_wan,
    cast(trend.amount_wan - previous_year.amount_wan as decimal(22, 6)) as change_wan,
    {{ exact_ratio('trend.amount_wan - previous_year.amount_wan', 'previous_year.amount_wan', 100, 1) }} as change_pct
from trend
-- the prior year counts only when it is the year before (a gap in loaded years gives no change)
left join trend as previous_year
    on
        trend.unit_id = previous_year.unit_id
        and trend.fund_scope = previous_year.fund_scope
        and trend.subject_code = previous_year.subject_code
        and trend.prior_fiscal_year = previous_year.fiscal_year
        and trend.prior_fiscal_year = trend.fiscal_year - 1
inner join {{ ref('dim_unit') }} as units on trend.unit_id = units.unit_id
left join {{ ref('dim_function_subject') }} as subjects on trend.subject_code = subjects.subject_code
