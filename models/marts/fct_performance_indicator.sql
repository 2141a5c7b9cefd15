-- 绩效指标: target, actual, weight, reported score and the score recomputed by the document's printed rules.
with indicators as (
    select * from {{ ref('stg_raw__indicators') }}
),

evaluations as (
    select * from {{ ref('stg_raw__evaluations') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
)

select
    indicators.document_id,
    documents.unit_id,
    documents.fiscal_year,
    evaluations.project_name,
    indicators.level1,
    indicators.level2,
    indicators.indicator,
    indicators.target_text,
    indicators.target_op,
    indicators.target_value,
    indicators.target_unit,
    indicators.actual_text,
    indicators.actual_value,
    indicators.actual_unit,
    indicators.weight,
    indicators.score_reported,
    indicators.score_recomputed,
    indicators.score_rule,
    evaluations.evaluation_kind,
    indicators.evaluation_index,
    indicators.indicator_index,
    indicators.source_line
from indicators
inner join evaluations
    on
        indicators.document_id = evaluations.document_id
        and indicators.evaluation_index = evaluations.evaluation_index
inner join documents on indicators.document_id = documents.document_id
