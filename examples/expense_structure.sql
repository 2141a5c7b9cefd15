-- A unit's expense structure: each function class (类) with its basic and project expense and its share.
with by_class as (
    select
        expense.unit_id,
        expense.fiscal_year,
        substr(expense.subject_code, 1, 3) as class_code,
        sum(expense.amount_wan) filter (where expense.expense_kind = 'basic') as basic_wan,
        sum(expense.amount_wan) filter (where expense.expense_kind = 'project') as project_wan,
        sum(expense.amount_wan) as total_wan
    from marts.fct_expense as expense
    where expense.fund_scope = 'all_funds'
    group by expense.unit_id, expense.fiscal_year, substr(expense.subject_code, 1, 3)
)

select
    units.unit_name,
    by_class.fiscal_year,
    by_class.class_code,
    subjects.subject_name,
    by_class.basic_wan,
    by_class.project_wan,
    by_class.total_wan,
    cast(
        by_class.total_wan * 100 / sum(by_class.total_wan) over (partition by by_class.unit_id, by_class.fiscal_year)
        as decimal(9, 1)
    ) as share_pct
from by_class
inner join marts.dim_unit as units on by_class.unit_id = units.unit_id
left join marts.dim_function_subject as subjects on by_class.class_code = subjects.subject_code
order by units.unit_name, by_class.fiscal_year, by_class.total_wan desc
