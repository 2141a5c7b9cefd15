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
    -- the prior year counts only when it is the year before (a gap in loaded years gives no change)
    select
        *,
        case
            when lag(fiscal_year) over subject_years = fiscal_year - 1 then lag(amount_wan) over subject_years
        end as prior_amount_wan
    from expense
    window subject_years as (partition by unit_id, fund_scope, subject_code order by fiscal_year)
)

select
    trend.unit_id,
    units.unit_name,
    trend.subject_code,
    subjects.subject_name,
    trend.fiscal_year,
    trend.fund_scope,
    trend.amount_wan,
    trend.prior_amount_wan,
    cast(trend.amount_wan - trend.prior_amount_wan as decimal(22, 6)) as change_wan,
    {{ exact_ratio('trend.amount_wan - trend.prior_amount_wan', 'trend.prior_amount_wan', 100, 1) }} as change_pct
from trend
inner join {{ ref('dim_unit') }} as units on trend.unit_id = units.unit_id
left join {{ ref('dim_function_subject') }} as subjects on trend.subject_code = subjects.subject_code
