-- 项 whose final (支出决算) differs from the original budget (年初预算) by more than 20 %.
select
    units.unit_name,
    budget.fiscal_year,
    budget.subject_code,
    subjects.subject_name,
    budget.original_budget_wan,
    budget.final_wan,
    cast((budget.final_wan - budget.original_budget_wan) * 100 / budget.original_budget_wan as decimal(9, 1))
        as deviation_pct
from marts.fct_budget_execution as budget
inner join marts.dim_unit as units on budget.unit_id = units.unit_id
left join marts.dim_function_subject as subjects on budget.subject_code = subjects.subject_code
where
    budget.original_budget_wan > 0
    and abs(budget.final_wan - budget.original_budget_wan) > 0.2 * budget.original_budget_wan
order by units.unit_name, budget.fiscal_year, budget.subject_code
