{{ config(materialized='table') }}
-- Every rule of the catalog against every document, graded: pass, rounding (within the rounding
-- envelope), fail, or not_applicable with the reason. One row per rule and document, or per
-- row/column/class where the rule applies to many. Words for each finding: marts.rpt_reconciliation.
with checks as (
    {{ graded_checks([
        ref('int_recon__subject_tables'),
        ref('int_recon__totals_tables'),
        ref('int_recon__econ_three_public'),
        ref('int_recon__cross_table'),
        ref('int_recon__narrative'),
        ref('int_recon__performance'),
        ref('int_recon__completeness'),
    ]) }}
),

rules as (
    select * from {{ ref('stg_reference__reconciliation_rules') }}
),

documents as (
    select document_id from {{ ref('stg_raw__documents') }}
),

evaluated as (
    select
        document_id,
        rule_id,
        scope,
        cast(expected_value as decimal(24, 6)) as expected_value,
        cast(actual_value as decimal(24, 6)) as actual_value,
        cast(actual_value - expected_value as decimal(24, 6)) as difference,
        cast(pass_tolerance + rounding_tolerance as decimal(24, 8)) as tolerance,
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
        cast(null as decimal(24, 8)) as tolerance,
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

select * from results
