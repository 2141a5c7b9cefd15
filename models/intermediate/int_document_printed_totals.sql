-- Printed totals of each document (for reconciliation and the unit-year mart; never summed into facts).
with totals as (
    select
        document_id,
        max(amount_wan) filter (where line_item = 'income_this_year_total') as income_this_year_printed_wan,
        max(amount_wan) filter (where line_item = 'expense_this_year_total') as expense_this_year_printed_wan,
        max(amount_wan) filter (where line_item = 'grand_total' and side = 'income') as income_grand_total_printed_wan,
        max(amount_wan) filter (where line_item = 'grand_total' and side = 'expense') as expense_grand_total_printed_wan
    from {{ ref('stg_raw__totals_lines') }}
    where table_code = '01'
    group by document_id
),

econ as (
    select
        document_id,
        max(amount_wan) filter (where total_key = 'personnel_total') as personnel_printed_wan,
        max(amount_wan) filter (where total_key = 'public_use_total') as public_use_printed_wan
    from {{ ref('stg_raw__econ_lines') }}
    where total_key is not null
    group by document_id
),

three_public as (
    select
        document_id,
        max(amount_wan) filter (where measure = 'budget') as three_public_budget_printed_wan,
        max(amount_wan) filter (where measure = 'actual') as three_public_actual_printed_wan
    from {{ ref('stg_raw__three_public_lines') }}
    where item = 'total'
    group by document_id
)

select
    documents.document_id,
    totals.income_this_year_printed_wan,
    totals.expense_this_year_printed_wan,
    totals.income_grand_total_printed_wan,
    totals.expense_grand_total_printed_wan,
    econ.personnel_printed_wan,
    econ.public_use_printed_wan,
    three_public.three_public_budget_printed_wan,
    three_public.three_public_actual_printed_wan
from {{ ref('stg_raw__documents') }} as documents
left join totals on documents.document_id = totals.document_id
left join econ on documents.document_id = econ.document_id
left join three_public on documents.document_id = three_public.document_id
