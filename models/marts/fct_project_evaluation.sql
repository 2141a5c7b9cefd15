-- 绩效自评表: one row per evaluation (the unit's overall one and each project's), with sums of its indicators.
with evaluations as (
    select * from {{ ref('stg_raw__evaluations') }}
),

indicators as (
    select
        document_id,
        evaluation_index,
        count(*) as indicator_count,
        sum(weight) as indicator_weight_sum,
        sum(score_reported) as indicator_score_reported_sum,
        count(score_recomputed) as indicators_recomputed
    from {{ ref('stg_raw__indicators') }}
    group by document_id, evaluation_index
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
)

select
    evaluations.document_id,
    documents.unit_id,
    documents.fiscal_year,
    evaluations.project_name,
    evaluations.supervising_department,
    evaluations.implementing_unit,
    evaluations.project_category,
    evaluations.budget_wan,
    evaluations.executed_wan,
    {{ exact_ratio('evaluations.executed_wan', 'evaluations.budget_wan', 100, 2) }} as execution_rate,
    evaluations.total_score_printed as score_reported,
    evaluations.evaluation_index,
    evaluations.evaluation_kind,
    evaluations.caption,
    evaluations.project_attribute,
    evaluations.project_type,
    evaluations.execution_rate_printed,
    evaluations.budget_score_weight,
    evaluations.budget_score_reported,
    case
        when evaluations.executed_wan >= evaluations.budget_wan then evaluations.budget_score_weight
        else {{ exact_ratio('evaluations.budget_score_weight * evaluations.executed_wan', 'evaluations.budget_wan') }}
    end as budget_score_recomputed,
    indicators.indicator_count,
    indicators.indicator_weight_sum,
    indicators.indicator_score_reported_sum,
    indicators.indicators_recomputed,
    evaluations.source_line
from evaluations
inner join documents on evaluations.document_id = documents.document_id
left join indicators
    on
        evaluations.document_id = indicators.document_id
        and evaluations.evaluation_index = indicators.evaluation_index
