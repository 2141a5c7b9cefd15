-- One row per document (unit × fiscal year × kind): headline totals computed from the facts,
-- beside the totals the document prints.
with documents as (
    select * from {{ ref('dim_document') }}
),

income as (
    select
        document_id,
        sum(amount_wan) as income_total_wan,
        sum(amount_wan) filter (where income_source = 'fiscal_grant') as fiscal_grant_income_wan
    from {{ ref('fct_income') }}
    group by document_id
),

expense as (
    select
        document_id,
        sum(amount_wan) filter (where fund_scope = 'all_funds') as expense_total_wan,
        sum(amount_wan) filter (where fund_scope = 'all_funds' and expense_kind = 'basic') as basic_wan,
        sum(amount_wan) filter (where fund_scope = 'all_funds' and expense_kind = 'project') as project_wan,
        sum(amount_wan) filter (where fund_scope = 'general_public_budget') as gpb_expense_wan,
        sum(amount_wan) filter (where fund_scope = 'government_fund') as government_fund_expense_wan,
        sum(amount_wan) filter (where fund_scope = 'state_capital') as state_capital_expense_wan
    from {{ ref('fct_expense') }}
    group by document_id
),

econ as (
    select
        document_id,
        sum(amount_wan) filter (where cost_group = '人员经费') as personnel_wan,
        sum(amount_wan) filter (where cost_group = '公用经费') as public_use_wan
    from {{ ref('fct_basic_expense_econ') }}
    group by document_id
),

three_public as (
    select
        document_id,
        sum(budget_wan) as three_public_budget_wan,
        sum(actual_wan) as three_public_actual_wan
    from {{ ref('fct_three_public') }}
    group by document_id
),

statements as (
    select
        document_id,
        max(amount_wan) filter (where statement_key = 'income_total') as income_total_stated_wan,
        max(amount_wan) filter (where statement_key = 'income_total_change') as income_total_change_stated_wan,
        max(amount_wan) filter (where statement_key = 'expense_total') as expense_total_stated_wan,
        max(amount_wan) filter (where statement_key = 'expense_total_change') as expense_total_change_stated_wan,
        max(percent) filter (where statement_key = 'expense_total_change') as expense_total_change_stated_pct,
        max(amount_wan) filter (where statement_key = 'three_public_actual') as three_public_actual_stated_wan,
        max(amount_wan) filter (
            where statement_key = 'three_public_actual_change'
        ) as three_public_actual_change_stated_wan,
        max(amount_wan) filter (where statement_key = 'agency_operating_cost') as agency_operating_cost_wan,
        bool_or(statement_key = 'agency_operating_cost' and detail = 'none') as agency_operating_cost_none,
        max(amount_wan) filter (where statement_key = 'procurement_total') as procurement_total_wan
    from {{ ref('fct_statement') }}
    group by document_id
),

reconciliation as (
    select
        document_id,
        case
            when count(*) filter (where status = 'fail' and severity = 'error') > 0 then 'fail'
            when count(*) filter (where status = 'fail') > 0 then 'warning'
            when count(*) filter (where status = 'rounding') > 0 then 'rounding'
            else 'pass'
        end as reconciliation_status,
        count(*) filter (where status = 'fail') as reconciliation_failures
    from {{ ref('rpt_reconciliation') }}
    group by document_id
),

carryover as (
    select
        document_id,
        sum(amount_wan) filter (where line_item = 'carryover_begin') as carryover_begin_wan,
        sum(amount_wan) filter (where line_item = 'carryover_end') as carryover_end_wan
    from {{ ref('fct_fiscal_grant') }}
    where source_table = '01'
    group by document_id
)
,

unit_years as (
    select
        documents.unit_id,
        documents.unit_name,
        documents.fiscal_year,
        cast(coalesce(income.income_total_wan, 0) as decimal(22, 6)) as income_total_wan,
        cast(coalesce(expense.expense_total_wan, 0) as decimal(22, 6)) as expense_total_wan,
        cast(coalesce(expense.basic_wan, 0) as decimal(22, 6)) as basic_wan,
        cast(coalesce(expense.project_wan, 0) as decimal(22, 6)) as project_wan,
        cast(coalesce(econ.personnel_wan, 0) as decimal(22, 6)) as personnel_wan,
        cast(coalesce(econ.public_use_wan, 0) as decimal(22, 6)) as public_use_wan,
        cast(coalesce(three_public.three_public_budget_wan, 0) as decimal(22, 6)) as three_public_budget_wan,
        cast(coalesce(three_public.three_public_actual_wan, 0) as decimal(22, 6)) as three_public_actual_wan,
        cast(coalesce(income.fiscal_grant_income_wan, 0) as decimal(22, 6)) as fiscal_grant_income_wan,
        cast(coalesce(expense.gpb_expense_wan, 0) as decimal(22, 6)) as gpb_expense_wan,
        cast(coalesce(expense.government_fund_expense_wan, 0) as decimal(22, 6)) as government_fund_expense_wan,
        cast(coalesce(expense.state_capital_expense_wan, 0) as decimal(22, 6)) as state_capital_expense_wan,
        cast(coalesce(carryover.carryover_begin_wan, 0) as decimal(22, 6)) as carryover_begin_wan,
        cast(coalesce(carryover.carryover_end_wan, 0) as decimal(22, 6)) as carryover_end_wan,
        printed.income_this_year_printed_wan,
        printed.expense_this_year_printed_wan,
        printed.personnel_printed_wan,
        printed.public_use_printed_wan,
        printed.three_public_actual_printed_wan,
        documents.doc_kind,
        documents.document_id,
        documents.source_amount_unit,
        cast(statements.income_total_stated_wan - statements.income_total_change_stated_wan as decimal(22, 6))
            as income_total_prior_stated_wan,
        cast(statements.expense_total_stated_wan - statements.expense_total_change_stated_wan as decimal(22, 6))
            as expense_total_prior_stated_wan,
        statements.expense_total_change_stated_wan,
        statements.expense_total_change_stated_pct,
        cast(
            statements.three_public_actual_stated_wan - statements.three_public_actual_change_stated_wan
            as decimal(22, 6)
        ) as three_public_actual_prior_stated_wan,
        case
            when statements.agency_operating_cost_none then 'none'
            when statements.agency_operating_cost_wan is not null then 'stated'
            else 'not stated'
        end as agency_operating_cost_status,
        statements.agency_operating_cost_wan,
        statements.procurement_total_wan,
        coalesce(reconciliation.reconciliation_status, 'not checked') as reconciliation_status,
        coalesce(reconciliation.reconciliation_failures, 0) as reconciliation_failures
    from documents
    left join income on documents.document_id = income.document_id
    left join expense on documents.document_id = expense.document_id
    left join econ on documents.document_id = econ.document_id
    left join three_public on documents.document_id = three_public.document_id
    left join carryover on documents.document_id = carryover.document_id
    left join statements on documents.document_id = statements.document_id
    left join reconciliation on documents.document_id = reconciliation.document_id
    left join {{ ref('int_document_printed_totals') }} as printed on documents.document_id = printed.document_id
)

select
    unit_years.*,
    previous_year.income_total_wan as income_total_prior_loaded_wan,
    previous_year.expense_total_wan as expense_total_prior_loaded_wan,
    cast(unit_years.expense_total_wan - previous_year.expense_total_wan as decimal(22, 6)) as expense_total_change_loaded_wan,
    previous_year.three_public_actual_wan as three_public_actual_prior_loaded_wan
from unit_years
-- the year before, when a document of the same unit and kind for it is loaded
left join unit_years as previous_year
    on
        unit_years.unit_id = previous_year.unit_id
        and unit_years.doc_kind = previous_year.doc_kind
        and unit_years.fiscal_year - 1 = previous_year.fiscal_year
