-- Every rule of the catalog against every document: pass, rounding (within the rounding envelope),
-- fail, or not_applicable with the reason. One row per rule and document, or per row/column/class
-- where the rule applies to many.
with checks as (
    select * from {{ ref('int_recon__subject_tables') }}
    union all
    select * from {{ ref('int_recon__totals_tables') }}
    union all
    select * from {{ ref('int_recon__econ_three_public') }}
    union all
    select * from {{ ref('int_recon__cross_table') }}
    union all
    select * from {{ ref('int_recon__narrative') }}
    union all
    select * from {{ ref('int_recon__performance') }}
    union all
    select * from {{ ref('int_recon__completeness') }}
),

rules as (
    select * from {{ ref('stg_reference__reconciliation_rules') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

evaluated as (
    select
        document_id,
        rule_id,
        scope,
        cast(expected_value as decimal(24, 6)) as expected_value,
        cast(actual_value as decimal(24, 6)) as actual_value,
        cast(actual_value - expected_value as decimal(24, 6)) as difference,
        cast(pass_tolerance + rounding_tolerance as decimal(24, 6)) as tolerance,
        source_ref,
        note,
        case
            when expected_value is null or actual_value is null then 'not_applicable'
            when comparison = 'eq' and abs(actual_value - expected_value) <= pass_tolerance then 'pass'
            when comparison = 'le' and actual_value - expected_value <= pass_tolerance then 'pass'
            when comparison = 'eq' and abs(actual_value - expected_value) <= pass_tolerance + rounding_tolerance
                then 'rounding'
            when comparison = 'le' and actual_value - expected_value <= pass_tolerance + rounding_tolerance
                then 'rounding'
            else 'fail'
        end as status
    from checks
),

unchecked as (
    -- rules with nothing to check in a document (its table or statement is absent)
    select
        documents.document_id,
        rules.rule_id,
        'document' as scope,
        cast(null as decimal(24, 6)) as expected_value,
        cast(null as decimal(24, 6)) as actual_value,
        cast(null as decimal(24, 6)) as difference,
        cast(null as decimal(24, 6)) as tolerance,
        null as source_ref,
        'nothing to check: the table, statement or appendix this rule reads is not in the document' as note,
        'not_applicable' as status
    from documents
    cross join rules
    where not exists (
        select 1 from evaluated
        where evaluated.document_id = documents.document_id and evaluated.rule_id = rules.rule_id
    )
),

results as (
    select * from evaluated
    union all
    select * from unchecked
)

select
    results.document_id,
    documents.unit_id,
    documents.fiscal_year,
    results.rule_id,
    rules.rule_title_zh || ' / ' || rules.rule_title as rule_title,
    rules.category,
    rules.severity,
    results.status,
    results.expected_value,
    results.actual_value,
    results.difference,
    results.tolerance,
    case results.status
        when 'pass' then 'holds: ' || rules.identity
        when 'rounding' then 'differs by ' || results.difference || ', within the rounding envelope ' || results.tolerance
        when 'fail'
            then
                'expected ' || results.expected_value || ', found ' || results.actual_value
                || ' (difference ' || results.difference || '): ' || rules.identity
        else coalesce(results.note, 'not applicable')
    end || case when results.status <> 'not_applicable' and results.note is not null then ' [' || results.note || ']' else '' end
        as message,
    results.source_ref,
    results.scope,
    rules.identity,
    rules.tolerance_kind
from results
inner join rules on results.rule_id = rules.rule_id
inner join documents on results.document_id = documents.document_id
