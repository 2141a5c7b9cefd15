-- 绩效自评表: execution rate and budget score, weights and scores against their totals, indicator scores
-- against the printed scoring rules, and the narrative's stated self-evaluation scores.
with evaluations as (
    select * from {{ ref('stg_raw__evaluations') }}
),

indicators as (
    select * from {{ ref('stg_raw__indicators') }}
),

sums as (
    select
        document_id,
        evaluation_index,
        -- sums kept at the scores' own precision: a DECIMAL(38, 2) here would round every rule's values to 2 places
        -- where the checks are put together (P-01's exact rate 75.1350 had become 75.14)
        cast(sum(weight) as decimal(18, 2)) as weights,
        cast(sum(score_reported) as decimal(18, 2)) as scores,
        count(*) as n_indicators,
        count(*) filter (where score_reported is null) as n_unscored
    from indicators
    group by document_id, evaluation_index
),

stated as (
    select
        document_id,
        min(source_line) as source_line,
        max(quantity) filter (where statement_key = 'self_eval_total_score') as total_score,
        cast(sum(quantity) filter (
            where statement_key in (
                'self_eval_budget_score', 'self_eval_output_score', 'self_eval_outcome_score',
                'self_eval_satisfaction_score'
            )
        ) as decimal(18, 2)) as part_scores,
        count(*) filter (where statement_key <> 'self_eval_total_score') as n_parts
    from {{ ref('stg_raw__statements') }}
    where statement_key like 'self\_eval\_%' escape '\'
    group by document_id
),

groups as (
    select
        indicators.document_id,
        indicators.evaluation_index,
        indicators.level1,
        max(indicators.level1_points) as points,
        cast(sum(indicators.weight) as decimal(18, 2)) as weights,
        min(indicators.source_line) as source_line
    from indicators
    group by indicators.document_id, indicators.evaluation_index, indicators.level1
    having max(indicators.level1_points) is not null
),

checks as (
    select
        document_id,
        'P-01' as rule_id,
        project_name as scope,
        {{ exact_pct('executed_wan', 'budget_wan') }} as expected_value,
        execution_rate_printed as actual_value,
        'eq' as comparison,
        {{ printed_half_unit('execution_rate_decimals') }} as pass_tolerance,
        0 as rounding_tolerance,
        '绩效自评表 line ' || source_line as source_ref,
        null as note
    from evaluations
    where execution_rate_printed is not null
    union all
    select
        document_id,
        'P-02',
        project_name,
        case
            when executed_wan >= budget_wan then budget_score_weight
            else {{ exact_ratio('budget_score_weight * executed_wan', 'budget_wan') }}
        end,
        budget_score_reported,
        'eq',
        0,
        0.005,
        '绩效自评表 line ' || source_line,
        null
    from evaluations
    where budget_score_reported is not null
    union all
    select
        evaluations.document_id,
        'P-03',
        evaluations.project_name,
        100,
        sums.weights + evaluations.budget_score_weight,
        'eq',
        0,
        0,
        '绩效自评表 line ' || evaluations.source_line,
        null
    from evaluations
    inner join sums
        on evaluations.document_id = sums.document_id and evaluations.evaluation_index = sums.evaluation_index
    union all
    select
        evaluations.document_id,
        'P-04',
        evaluations.project_name,
        case when sums.n_unscored = 0 then sums.scores + evaluations.budget_score_reported end,
        evaluations.total_score_printed,
        'eq',
        0,
        {{ rounding_envelope('sums.n_indicators + 1', "'万元'") }},
        '绩效自评表 line ' || evaluations.source_line,
        case when sums.n_unscored > 0 then sums.n_unscored || ' indicator score(s) not printed' end
    from evaluations
    inner join sums
        on evaluations.document_id = sums.document_id and evaluations.evaluation_index = sums.evaluation_index
    union all
    select
        document_id,
        'P-05',
        indicator || ' line ' || source_line,
        score_recomputed,
        score_reported,
        'eq',
        0,
        0.005,
        '绩效自评表 line ' || source_line,
        case when score_recomputed is null then score_rule when score_reported is null then 'no score printed' end
    from indicators
    union all
    select
        document_id,
        'P-06',
        indicator || ' line ' || source_line,
        weight,
        score_reported,
        'le',
        0,
        0,
        '绩效自评表 line ' || source_line,
        case when score_reported is null then 'no score printed' end
    from indicators
    union all
    select
        document_id,
        'P-09',
        indicator || ' line ' || source_line,
        1,
        case when score_reported is null then 0 else 1 end,
        'eq',
        0,
        0,
        '绩效自评表 line ' || source_line,
        null
    from indicators
    union all
    select
        stated.document_id,
        'P-07',
        evaluations.project_name,
        evaluations.total_score_printed,
        stated.total_score,
        'eq',
        0,
        0.005,
        'line ' || stated.source_line || ' vs 绩效自评表 line ' || evaluations.source_line,
        null
    from stated
    inner join evaluations
        on stated.document_id = evaluations.document_id and evaluations.evaluation_kind = 'unit_overall'
    where stated.total_score is not null
    union all
    select
        document_id,
        'P-08',
        'document',
        part_scores,
        total_score,
        'eq',
        0,
        {{ rounding_envelope('n_parts', "'万元'") }},
        'line ' || source_line,
        null
    from stated
    where total_score is not null and n_parts > 0
    union all
    select
        groups.document_id,
        'P-10',
        evaluations.project_name || ' ' || groups.level1,
        groups.points,
        groups.weights,
        'eq',
        0,
        0,
        '绩效自评表 from line ' || groups.source_line,
        null
    from groups
    inner join evaluations
        on groups.document_id = evaluations.document_id and groups.evaluation_index = evaluations.evaluation_index
)

select * from checks
