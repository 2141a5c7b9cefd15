-- Two-sided tables 01 and 04: both sides sum, grand totals compose and balance.
with lines as (
    select
        totals_lines.*,
        documents.source_amount_unit,
        -- the lines a side's this-year total sums: table 01's income sources; its expense classes, or in older
        -- templates its kinds of expense (基本支出 or its parts, 项目支出 …; subtotals where classes are printed)
        not totals_lines.is_subtotal and (
            (totals_lines.side = 'income' and totals_lines.line_item in (
                'gpb_grant', 'gov_fund_grant', 'state_capital_grant', 'fiscal_grant', 'superior_subsidy',
                'business_income', 'operating_income', 'affiliate_remittance', 'other_income'
            ))
            or (totals_lines.side = 'expense' and totals_lines.line_item in (
                'class_expense', 'basic_expense', 'basic_personnel', 'basic_public_use', 'project_expense',
                'remit_to_superior', 'operating_expense', 'subsidy_to_affiliates'
            ))
        ) as is_summed_line
    from {{ ref('stg_raw__totals_lines') }} as totals_lines
    inner join {{ ref('stg_raw__documents') }} as documents on totals_lines.document_id = documents.document_id
),

t01 as (
    select
        document_id,
        any_value(source_amount_unit) as source_amount_unit,
        sum(amount_wan) filter (where side = 'income' and is_summed_line) as income_lines,
        count(*) filter (where side = 'income' and is_summed_line) as n_income_lines,
        max(amount_wan) filter (where line_item = 'income_this_year_total') as income_this_year,
        sum(amount_wan) filter (where side = 'income' and line_item = 'use_non_grant_balance') as use_non_grant_balance,
        -- a 结转和结余 line printed over its parts (其中：财政拨款… / 非财政拨款…) stands for them
        coalesce(
            max(amount_wan) filter (where side = 'income' and line_item = 'carryover_begin' and is_subtotal),
            sum(amount_wan) filter (where side = 'income' and line_item = 'carryover_begin')
        ) as carryover_begin,
        max(amount_wan) filter (where side = 'income' and line_item = 'grand_total') as income_grand_total,
        sum(amount_wan) filter (where side = 'expense' and is_summed_line) as class_lines,
        count(*) filter (where side = 'expense' and is_summed_line) as n_class_lines,
        max(amount_wan) filter (where line_item = 'expense_this_year_total') as expense_this_year,
        sum(amount_wan) filter (where line_item = 'balance_distribution') as balance_distribution,
        coalesce(
            max(amount_wan) filter (where side = 'expense' and line_item = 'carryover_end' and is_subtotal),
            sum(amount_wan) filter (where side = 'expense' and line_item = 'carryover_end')
        ) as carryover_end,
        max(amount_wan) filter (where side = 'expense' and line_item = 'grand_total') as expense_grand_total,
        min(source_line) as first_line
    from lines
    where table_code = '01'
    group by document_id
),

t04_columns as (
    select
        document_id,
        column_key,
        any_value(source_amount_unit) as source_amount_unit,
        sum(amount_wan) filter (where line_item = 'class_expense') as class_lines,
        count(*) filter (where line_item = 'class_expense') as n_class_lines,
        max(amount_wan) filter (where line_item = 'expense_this_year_total') as expense_this_year,
        max(amount_wan) filter (where line_item = 'carryover_end' and is_subtotal) as carryover_end,
        max(amount_wan) filter (where line_item = 'grand_total') as grand_total,
        min(source_line) as first_line
    from lines
    where table_code = '04' and side = 'expense'
    group by document_id, column_key
),

t04_income as (
    select
        document_id,
        any_value(source_amount_unit) as source_amount_unit,
        sum(amount_wan) filter (
            where not is_subtotal and line_item in ('gpb_grant', 'gov_fund_grant', 'state_capital_grant', 'fiscal_grant')
        ) as grant_lines,
        count(*) filter (
            where not is_subtotal and line_item in ('gpb_grant', 'gov_fund_grant', 'state_capital_grant', 'fiscal_grant')
        ) as n_grant_lines,
        max(amount_wan) filter (where line_item = 'income_this_year_total') as income_this_year,
        max(amount_wan) filter (where line_item = 'carryover_begin' and is_subtotal) as carryover_begin,
        sum(amount_wan) filter (where line_item = 'carryover_begin' and not is_subtotal) as carryover_begin_parts,
        count(*) filter (where line_item = 'carryover_begin' and not is_subtotal) as n_carryover_begin_parts,
        max(amount_wan) filter (where line_item = 'grand_total') as grand_total,
        min(source_line) as first_line
    from lines
    where table_code = '04' and side = 'income'
    group by document_id
),

t04_rows as (
    -- one printed line (行次) of the expense side; HTML tables put every line on one source line
    select
        document_id,
        line_no,
        min(source_line) as source_line,
        any_value(line_name_raw) as line_name,
        any_value(source_amount_unit) as source_amount_unit,
        max(amount_wan) filter (where column_key = 'total') as subtotal,
        sum(amount_wan) filter (where column_key <> 'total') as funds,
        count(*) filter (where column_key <> 'total') as n_funds
    from lines
    where table_code = '04' and side = 'expense' and line_item = 'class_expense'
    group by document_id, line_no
),

checks as (
    select
        document_id,
        'T01-01' as rule_id,
        'document' as scope,
        income_lines as expected_value,
        income_this_year as actual_value,
        {{ rounding_envelope('n_income_lines', 'source_amount_unit') }} as rounding_tolerance,
        'T01 from line ' || first_line as source_ref
    from t01
    union all
    select
        document_id,
        'T01-02',
        'document',
        class_lines,
        expense_this_year,
        {{ rounding_envelope('n_class_lines', 'source_amount_unit') }},
        'T01 from line ' || first_line
    from t01
    union all
    select
        document_id,
        'T01-03',
        'document',
        income_this_year + coalesce(use_non_grant_balance, 0) + coalesce(carryover_begin, 0),
        income_grand_total,
        {{ rounding_envelope(3, 'source_amount_unit') }},
        'T01 from line ' || first_line
    from t01
    union all
    select
        document_id,
        'T01-04',
        'document',
        expense_this_year + coalesce(balance_distribution, 0) + coalesce(carryover_end, 0),
        expense_grand_total,
        {{ rounding_envelope(3, 'source_amount_unit') }},
        'T01 from line ' || first_line
    from t01
    union all
    select
        document_id,
        'T01-05',
        'document',
        income_grand_total,
        expense_grand_total,
        0,
        'T01 from line ' || first_line
    from t01
    union all
    select
        document_id,
        'T04-01',
        'document',
        grant_lines,
        income_this_year,
        {{ rounding_envelope('n_grant_lines', 'source_amount_unit') }},
        'T04 from line ' || first_line
    from t04_income
    union all
    select
        document_id,
        'T04-02',
        column_key,
        class_lines,
        expense_this_year,
        {{ rounding_envelope('n_class_lines', 'source_amount_unit') }},
        'T04 from line ' || first_line
    from t04_columns
    union all
    select
        document_id,
        'T04-03',
        line_name || ' 行次 ' || line_no,
        funds,
        subtotal,
        {{ rounding_envelope('n_funds', 'source_amount_unit') }},
        'T04 line ' || source_line
    from t04_rows
    union all
    select
        document_id,
        'T04-04',
        'document',
        carryover_begin_parts,
        carryover_begin,
        {{ rounding_envelope('n_carryover_begin_parts', 'source_amount_unit') }},
        'T04 from line ' || first_line
    from t04_income
    where n_carryover_begin_parts > 0
    union all
    select
        document_id,
        'T04-05',
        'document',
        income_this_year + coalesce(carryover_begin, 0),
        grand_total,
        {{ rounding_envelope(2, 'source_amount_unit') }},
        'T04 from line ' || first_line
    from t04_income
    union all
    select
        document_id,
        'T04-06',
        'document',
        expense_this_year + coalesce(carryover_end, 0),
        grand_total,
        {{ rounding_envelope(2, 'source_amount_unit') }},
        'T04 from line ' || first_line
    from t04_columns
    where column_key = 'total'
    union all
    select
        t04_income.document_id,
        'T04-07',
        'document',
        t04_income.grand_total as income_grand_total,
        t04_columns.grand_total as expense_grand_total,
        0,
        'T04 from line ' || t04_income.first_line
    from t04_income
    inner join t04_columns on t04_income.document_id = t04_columns.document_id and t04_columns.column_key = 'total'
)

select
    document_id,
    rule_id,
    scope,
    expected_value,
    actual_value,
    'eq' as comparison,
    0 as pass_tolerance,
    rounding_tolerance,
    source_ref,
    null as note
from checks
