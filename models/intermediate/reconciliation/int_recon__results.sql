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

pairs as (
    -- every rule against every document: a pair with nothing to check (its table or statement is absent) is
    -- not_applicable
    select
        documents.document_id,
        rules.rule_id
    from documents
    cross join rules
),

results as (
    select
        coalesce(checks.document_id, pairs.document_id) as document_id,
        coalesce(checks.rule_id, pairs.rule_id) as rule_id,
        coalesce(checks.scope, 'document') as scope,
        cast(checks.expected_value as decimal(24, 6)) as expected_value,
        cast(checks.actual_value as decimal(24, 6)) as actual_value,
        cast(checks.actual_value - checks.expected_value as decimal(24, 6)) as difference,
        cast(checks.pass_tolerance + checks.rounding_tolerance as decimal(24, 8)) as tolerance,
        checks.source_ref,
        case
            when checks.rule_id is null
                then 'nothing to check: the table, statement or appendix this rule reads is not in the document'
            else checks.note
        end as note,
        case
            when checks.expected_value is null or checks.actual_value is null then 'not_applicable'
            when
                checks.comparison = 'eq'
                and abs(checks.actual_value - checks.expected_value) <= checks.pass_tolerance
                then 'pass'
            when checks.comparison = 'le' and checks.actual_value - checks.expected_value <= checks.pass_tolerance
                then 'pass'
            when
                checks.comparison = 'eq'
                and abs(checks.actual_value - checks.expected_value)
                <= checks.pass_tolerance + checks.rounding_tolerance
                then 'rounding'
            when
                checks.comparison = 'le'
                and checks.actual_value - checks.expected_value <= checks.pass_tolerance + checks.rounding_tolerance
                then 'rounding'
            else 'fail'
        end as status
    from checks
    full outer join pairs on checks.document_id = pairs.document_id and checks.rule_id = pairs.rule_id
)

select * from results
