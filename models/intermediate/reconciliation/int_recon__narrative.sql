-- Narrative (情况说明) against the tables and against its own parts: amounts, shares, growth and
-- completion rates, the project list, procurement and vehicle counts.
with table_values as (
    select * from {{ ref('int_recon__table_values') }}
),

statements as (
    select
        statements.*,
        documents.source_amount_unit
    from {{ ref('stg_raw__statements') }} as statements
    inner join {{ ref('stg_raw__documents') }} as documents on statements.document_id = documents.document_id
),

documents as (
    select
        document_id,
        source_amount_unit
    from {{ ref('stg_raw__documents') }}
),

-- statement (key, section; any section when null) against a table value
pairs as (
    select
        pair_map.rule_id,
        pair_map.statement_key,
        pair_map.statement_section,
        pair_map.table_code,
        pair_map.value_key
    from (
        values
        ('N-01', 'income_total', null, '01', 'income:grand_total:amount'),
        ('N-02', 'expense_total', null, '01', 'expense:grand_total:amount'),
        ('N-03', 'income_this_year', null, '01', 'income:income_this_year_total:amount'),
        ('N-04', 'expense_this_year', null, '01', 'expense:expense_this_year_total:amount'),
        ('N-05', 'basic_expense', 'expense', '03', 'total:basic'),
        ('N-05', 'basic_expense', 'gpb', '05', 'total:basic'),
        ('N-05', 'basic_expense', 'basic', '05', 'total:basic'),
        ('N-06', 'project_expense', 'expense', '03', 'total:project'),
        ('N-06', 'project_expense', 'gpb', '05', 'total:project'),
        ('N-07', 'fiscal_grant_income', null, '02', 'total:fiscal_grant'),
        ('N-08', 'fiscal_grant_total', null, '04', 'income:grand_total:amount'),
        ('N-09', 'gpb_expense', null, '05', 'total:total'),
        ('N-10', 'personnel', null, '06', 'personnel_total'),
        ('N-11', 'public_use', null, '06', 'public_use_total'),
        ('N-12', 'three_public_budget', null, '09', 'budget:total'),
        ('N-13', 'three_public_actual', null, '09', 'actual:total'),
        ('N-14', 'official_reception', null, '09', 'actual:reception'),
        ('N-15', 'vehicle_total', null, '09', 'actual:vehicle_subtotal'),
        ('N-16', 'abroad', null, '09', 'actual:abroad'),
        ('N-17', 'gpb_income', null, '04', 'income:gpb_grant:amount'),
        ('N-18', 'carryover_begin', null, '01', 'income:carryover_begin:amount'),
        ('N-19', 'carryover_end', null, '01', 'expense:carryover_end:amount'),
        ('N-20', 'vehicle_purchase', null, '09', 'actual:vehicle_purchase'),
        ('N-21', 'vehicle_operation', null, '09', 'actual:vehicle_operation'),
        ('N-22', 'gpb_budget_completion', null, '05', 'total:total'),
        ('N-40', 'performance_project_funds', null, '05', 'total:project'),
        ('N-41', 'performance_unit_funds', null, 'evaluation', 'budget')
    ) as pair_map (rule_id, statement_key, statement_section, table_code, value_key)
),

-- the table value each paired statement is held to
paired_values as (
    select
        statements.document_id,
        statements.section,
        statements.source_line,
        statements.amount_wan,
        statements.amount_decimals,
        statements.source_amount_unit,
        pairs.rule_id,
        pairs.table_code,
        table_values.amount_wan as table_amount,
        table_values.source_line as table_line
    from statements
    inner join pairs
        on
            statements.statement_key = pairs.statement_key
            and (pairs.statement_section is null or statements.section = pairs.statement_section)
    inner join table_values
        on
            statements.document_id = table_values.document_id
            and pairs.table_code = table_values.table_code
            and pairs.value_key = table_values.value_key
    union all
    -- a project's 自评综述 against the 评价表 of the project it names (the longest name), else the unit's overall table
    select
        statements.document_id,
        statements.section,
        statements.source_line,
        statements.amount_wan,
        statements.amount_decimals,
        statements.source_amount_unit,
        case statements.statement_key when 'performance_project_budget' then 'N-42' else 'N-43' end,
        'evaluation',
        case statements.statement_key
            when 'performance_project_budget' then evaluations.budget_wan else evaluations.executed_wan
        end,
        evaluations.source_line as table_line
    from statements
    inner join {{ ref('stg_raw__evaluations') }} as evaluations
        on
            statements.document_id = evaluations.document_id
            and (
                evaluations.evaluation_kind = 'unit_overall'
                or (
                    evaluations.evaluation_kind = 'project'
                    and contains(  -- the project the 综述 names (else its sentence); spaces a wrap left do not count
                        replace(coalesce(statements.detail, statements.quote), ' ', ''),
                        replace(regexp_replace(evaluations.project_name, '项目$', ''), ' ', '')
                    )
                )
            )
    where statements.statement_key in ('performance_project_budget', 'performance_project_executed')
    qualify row_number() over (
        partition by statements.document_id, statements.statement_key, statements.source_line, statements.detail
        order by evaluations.evaluation_kind = 'project' desc, length(evaluations.project_name) desc
    ) = 1
),

amounts as (
    select
        document_id,
        rule_id,
        section || ' line ' || source_line as scope,
        table_amount as expected_value,
        amount_wan as actual_value,
        'eq' as comparison,
        0 as pass_tolerance,
        {{ stated_amount_envelope('amount_decimals', 'source_amount_unit') }} as rounding_tolerance,
        'line ' || source_line || ' vs '
        || case when table_code = 'evaluation' then '绩效自评表' else 'T' || table_code end
        || ' line ' || table_line
            as source_ref,
        null as note
    from paired_values
),

classes as (
    select
        statements.document_id,
        statements.subject_code as class_code,
        statements.amount_wan,
        statements.amount_decimals,
        statements.percent,
        statements.percent_decimals,
        statements.source_line,
        statements.source_amount_unit,
        class_value.amount_wan as table_amount,
        class_value.source_line as table_line,
        gpb_total.amount_wan as gpb_total
    from statements
    left join table_values as class_value
        on
            statements.document_id = class_value.document_id
            and class_value.table_code = '05'
            and class_value.value_key = 'class:' || statements.subject_code || ':total'
    left join table_values as gpb_total
        on
            statements.document_id = gpb_total.document_id
            and gpb_total.table_code = '05'
            and gpb_total.value_key = 'total:total'
    where statements.statement_key = 'gpb_expense_by_class'
),

-- a stated percent against the ratio it claims: numerator / denominator × 100
shares as (
    select
        statements.document_id,
        share_map.rule_id,
        statements.section || ' line ' || statements.source_line as scope,
        statements.percent,
        statements.percent_decimals,
        numerator.amount_wan as numerator,
        denominator.amount_wan as denominator,
        {{ rounding_envelope(1, 'statements.source_amount_unit') }} as amount_half_unit,
        'line ' || statements.source_line as source_ref
    from statements
    inner join (
        values
        ('N-25', 'basic_expense', 'expense', '03', 'total:basic', '03', 'total:total'),
        ('N-26', 'project_expense', 'expense', '03', 'total:project', '03', 'total:total'),
        ('N-37', 'gpb_expense', 'gpb', '05', 'total:total', '01', 'expense:expense_this_year_total:amount'),
        ('N-38', 'fiscal_grant_income', 'income', '02', 'total:fiscal_grant', '02', 'total:total')
    ) as share_map (rule_id, statement_key, section, numerator_table, numerator_key, denominator_table, denominator_key)
        on statements.statement_key = share_map.statement_key and statements.section = share_map.section
    inner join table_values as numerator
        on
            statements.document_id = numerator.document_id
            and share_map.numerator_table = numerator.table_code
            and share_map.numerator_key = numerator.value_key
    inner join table_values as denominator
        on
            statements.document_id = denominator.document_id
            and share_map.denominator_table = denominator.table_code
            and share_map.denominator_key = denominator.value_key
    where statements.percent is not null
),

-- growth rates: stated change over the prior year it implies (this year's figure minus the change)
growth_rates as (
    select
        rate.document_id,
        'N-27' as rule_id,
        rate.section || ' line ' || rate.source_line as scope,
        rate.percent,
        rate.percent_decimals,
        rate.amount_wan as numerator,
        base.amount_wan - rate.amount_wan as denominator,
        {{ stated_half_unit('rate.amount_decimals', 'base.amount_decimals') }} as amount_half_unit,
        'line ' || rate.source_line as source_ref
    from statements as rate
    left join statements as base
        on
            rate.document_id = base.document_id
            and rate.section = base.section
            and replace(rate.statement_key, '_change', '') = base.statement_key
            and rate.source_line >= base.source_line
    where rate.statement_key like '%\_change' escape '\' and rate.percent is not null
    qualify
        row_number() over (
            partition by rate.document_id, rate.statement_key, rate.source_line order by base.source_line desc
        ) = 1
),

-- stated percents whose parts are other statements of the same document
stated_ratios as (
    select
        rate.document_id,
        ratio_map.rule_id,
        rate.section || ' line ' || rate.source_line as scope,
        rate.percent,
        rate.percent_decimals,
        rate.amount_wan as numerator,
        denominator.amount_wan as denominator,
        {{ stated_half_unit('rate.amount_decimals', 'denominator.amount_decimals') }} as amount_half_unit,
        'line ' || rate.source_line as source_ref
    from statements as rate
    inner join (
        values
        ('N-28', 'gpb_budget_completion', 'gpb_original_budget'),
        ('N-33', 'procurement_sme', 'procurement_total'),
        ('N-34', 'procurement_small_micro', 'procurement_sme')
    ) as ratio_map (rule_id, numerator_key, denominator_key)
        on rate.statement_key = ratio_map.numerator_key
    left join statements as denominator
        on rate.document_id = denominator.document_id and ratio_map.denominator_key = denominator.statement_key
    where rate.percent is not null
),

three_public_rates as (
    select
        actual.document_id,
        'N-35' as rule_id,
        actual.statement_key || ' line ' || actual.source_line as scope,
        actual.percent,
        actual.percent_decimals,
        actual.amount_wan as numerator,
        budget.amount_wan as denominator,
        {{ stated_half_unit('actual.amount_decimals', 'budget.amount_decimals') }} as amount_half_unit,
        'line ' || actual.source_line as source_ref
    from statements as actual
    -- the item's budget stated last before its actual (on the same line, or a line above in a wrapped paragraph)
    inner join statements as budget
        on
            actual.document_id = budget.document_id
            and actual.source_line >= budget.source_line
            and budget.statement_key = case
                when actual.statement_key = 'three_public_actual' then 'three_public_budget'
                else actual.statement_key || '_budget'
            end
    where actual.section = 'three_public' and actual.percent is not null
    qualify
        row_number() over (
            partition by actual.document_id, actual.statement_key, actual.source_line order by budget.source_line desc
        ) = 1
),

budget_lines as (
    select
        budget_lines.*,
        documents.source_amount_unit
    from {{ ref('stg_raw__budget_lines') }} as budget_lines
    inner join documents on budget_lines.document_id = documents.document_id
),

budget_sums as (
    select
        document_id,
        sum(original_budget_wan) as originals,
        sum({{ stated_half_unit('original_decimals') }}) as half_units,
        min(source_line) as first_line
    from budget_lines
    group by document_id
),

ratio_checks as (
    select * from shares
    union all
    select * from growth_rates
    union all
    select * from stated_ratios
    union all
    select * from three_public_rates
    union all
    select
        document_id,
        'N-24',
        class_code || ' line ' || source_line,
        percent,
        percent_decimals,
        table_amount,
        gpb_total,
        {{ rounding_envelope(1, 'source_amount_unit') }},
        'line ' || source_line || ' vs T05'
    from classes
    where percent is not null
    union all
    select
        document_id,
        'N-29',
        coalesce(subject_code, xiang_name) || ' line ' || source_line,
        completion_pct,
        completion_decimals,
        final_wan,
        original_budget_wan,
        {{ stated_half_unit('final_decimals') }},
        'line ' || source_line
    from budget_lines
    where completion_pct is not null
),

rates as (
    select
        document_id,
        rule_id,
        scope,
        {{ exact_pct('numerator', 'denominator') }} as expected_value,
        percent as actual_value,
        'eq' as comparison,
        {{ printed_half_unit('percent_decimals') }} as pass_tolerance,
        {{ pct_envelope('numerator', 'denominator', 'amount_half_unit') }} as rounding_tolerance,
        source_ref,
        case
            when denominator is null then 'no base amount to compare the rate with'
            when denominator = 0 then 'the rate divides by zero (base or budget is 0)'
        end as note
    from ratio_checks
),

project_list as (
    select
        document_id,
        sum(amount_wan) as listed,
        sum({{ stated_half_unit('amount_decimals') }}) as listed_half_units,
        min(source_line) as first_line
    from {{ ref('stg_raw__project_lines') }}
    group by document_id
),

evaluated_projects as (
    select
        document_id,
        sum(budget_wan) as evaluated,
        count(*) as n_evaluated,
        min(source_line) as first_line
    from {{ ref('stg_raw__evaluations') }}
    where evaluation_kind = 'project'
    group by document_id
),

procurement as (
    select
        document_id,
        any_value(source_line) as source_line,
        max(amount_wan) filter (where statement_key = 'procurement_total') as total,
        max(amount_wan) filter (where statement_key = 'procurement_goods') as goods,
        max(amount_wan) filter (where statement_key = 'procurement_works') as works,
        max(amount_wan) filter (where statement_key = 'procurement_services') as services,
        {{ stated_half_unit('min(amount_decimals)') }} as half_unit
    from statements
    where section = 'procurement'
    group by document_id
),

vehicles as (
    select
        document_id,
        min(source_line) as source_line,
        max(quantity) filter (where statement_key = 'vehicles_total') as vehicles_total,
        sum(quantity) filter (where statement_key = 'vehicles_by_use') as by_use
    from statements
    where statement_key in ('vehicles_total', 'vehicles_by_use')
    group by document_id
    having count(*) filter (where statement_key = 'vehicles_by_use') > 0
),

parts as (
    select
        classes.document_id,
        'N-23' as rule_id,
        classes.class_code || ' line ' || classes.source_line as scope,
        classes.table_amount as expected_value,
        classes.amount_wan as actual_value,
        'eq' as comparison,
        0 as pass_tolerance,
        {{ stated_amount_envelope('classes.amount_decimals', 'classes.source_amount_unit') }} as rounding_tolerance,
        'line ' || classes.source_line || ' vs T05 line ' || classes.table_line as source_ref,
        null as note
    from classes
    union all
    select
        budget_lines.document_id,
        'N-30',
        coalesce(budget_lines.subject_code, budget_lines.xiang_name) || ' line ' || budget_lines.source_line,
        coalesce(gpb.amount_wan, all_funds.amount_wan),
        budget_lines.final_wan,
        'eq',
        0,
        {{ stated_amount_envelope('budget_lines.final_decimals', 'budget_lines.source_amount_unit') }},
        'line ' || budget_lines.source_line || ' vs ' || coalesce('T05 line ' || gpb.source_line, 'T03 line ' || all_funds.source_line),
        case when budget_lines.subject_code is null then 'the 项 could not be identified' end
    from budget_lines
    left join table_values as gpb
        on
            budget_lines.document_id = gpb.document_id
            and gpb.table_code = '05'
            and gpb.value_key = 'item:' || budget_lines.subject_code || ':total'
    left join table_values as all_funds
        on
            budget_lines.document_id = all_funds.document_id
            and all_funds.table_code = '03'
            and all_funds.value_key = 'item:' || budget_lines.subject_code || ':total'
    union all
    select
        project_list.document_id,
        'N-31',
        'document',
        project_total.amount_wan,
        project_list.listed,
        'eq',
        0,
        project_list.listed_half_units + {{ rounding_envelope(1, "'万元'") }},
        'lines from ' || project_list.first_line || ' vs T03 line ' || project_total.source_line,
        null
    from project_list
    inner join table_values as project_total
        on
            project_list.document_id = project_total.document_id
            and project_total.table_code = '03'
            and project_total.value_key = 'total:project'
    union all
    select
        procurement.document_id,
        'N-32',
        'document',
        procurement.goods + procurement.works + procurement.services,
        procurement.total,
        'eq',
        0,
        4 * procurement.half_unit,
        'line ' || procurement.source_line,
        null
    from procurement
    where procurement.total is not null
    union all
    select
        vehicles.document_id,
        'N-36',
        'document',
        vehicles.by_use,
        vehicles.vehicles_total,
        'eq',
        0,
        0,
        'line ' || vehicles.source_line,
        null
    from vehicles
    union all
    select
        original.document_id,
        'N-44',
        'document',
        budget_sums.originals,
        original.amount_wan,
        'eq',
        0,
        budget_sums.half_units + {{ stated_half_unit('original.amount_decimals') }},
        'line ' || original.source_line || ' vs lines from ' || budget_sums.first_line,
        null
    from statements as original
    inner join budget_sums on original.document_id = budget_sums.document_id
    where original.statement_key = 'gpb_original_budget'
    union all
    select
        project_list.document_id,
        'N-39',
        'document',
        evaluated_projects.evaluated,
        project_list.listed,
        'eq',
        0,
        project_list.listed_half_units + {{ rounding_envelope('evaluated_projects.n_evaluated', "'万元'") }},
        'lines from ' || project_list.first_line || ' vs 绩效自评表 from line ' || evaluated_projects.first_line,
        null
    from project_list
    inner join evaluated_projects on project_list.document_id = evaluated_projects.document_id
)

{{ graded_checks(['amounts', 'rates', 'parts']) }}
