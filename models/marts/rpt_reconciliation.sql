{{ config(materialized='view') }}
-- The graded reconciliation findings in words: a view, so the message is composed only for the rows a
-- query reads (millions of passing rows at national scale never need theirs spelled out).
with results as (
    select * from {{ ref('int_recon__results') }}
),

rules as (
    select * from {{ ref('stg_reference__reconciliation_rules') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
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
