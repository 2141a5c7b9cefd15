{{ config(materialized='table') }}
-- Every printed table value a cross-table or narrative rule may compare, under one key per document:
--   subject tables  total:<column> | class:<code>:<column> | item:<code>:<column>
--   tables 01/04    <side>:<line_item>[:<class code>]:<column>
--   table 06        personnel_total | public_use_total (its rows summed when not printed) | econ:<code>
--   table 09        <budget|actual>:<item>
with subject_lines as (
    -- 人员经费 | 公用经费 printed where no 基本支出 column is: their sum is the row's basic (summed below)
    select
        *,
        case when column_key in ('basic_personnel', 'basic_public_use') then 'basic' else column_key end as value_column
    from {{ ref('stg_raw__subject_lines') }}
),

subject_values as (
    select
        document_id,
        table_code,
        source_line,
        amount_wan,
        case
            when is_total then 'total:' || value_column
            when subject_level = '类' then 'class:' || subject_code || ':' || value_column
            else 'item:' || subject_code || ':' || value_column
        end as value_key
    from subject_lines
    where is_total or subject_level = '类' or (is_leaf and subject_code is not null)
),

carryover_subtotals as (
    select distinct
        document_id,
        table_code,
        side,
        line_item
    from {{ ref('stg_raw__totals_lines') }}
    where is_subtotal and line_item like 'carryover%' and amount_wan is not null
),

totals_values as (
    select
        document_id,
        table_code,
        source_line,
        amount_wan,
        side || ':' || line_item || coalesce(':' || subject_code, '') || ':' || column_key as value_key
    from {{ ref('stg_raw__totals_lines') }} as totals_lines
    -- lines printed under a 结转和结余 subtotal (table 04's funds, table 01's 其中 lines) are parts, not the line
    where not (
        line_item like 'carryover%' and not is_subtotal and (
            table_code = '04' or exists (
                select 1 from carryover_subtotals
                where
                    carryover_subtotals.document_id = totals_lines.document_id
                    and carryover_subtotals.table_code = totals_lines.table_code
                    and carryover_subtotals.side = totals_lines.side
                    and carryover_subtotals.line_item = totals_lines.line_item
            )
        )
    )
),

econ_values as (
    select
        document_id,
        table_code,
        source_line,
        amount_wan,
        coalesce(total_key, 'econ:' || econ_code) as value_key
    from {{ ref('stg_raw__econ_lines') }}
    where total_key is not null or econ_code is not null
),

econ_group_sums as (
    -- a table 06 printed without its 人员经费合计 / 公用经费合计 line: the group's rows summed stand for it
    select
        document_id,
        table_code,
        min(source_line) as source_line,
        sum(amount_wan) as amount_wan,
        case
            when
                coalesce(cost_group_printed, case when left(econ_code, 3) in ('301', '303') then '人员经费' end)
                = '人员经费'
                then 'personnel_total'
            else 'public_use_total'
        end as value_key
    from {{ ref('stg_raw__econ_lines') }}
    where is_leaf and econ_code is not null
    group by all
),

three_public_values as (
    select
        document_id,
        table_code,
        source_line,
        amount_wan,
        measure || ':' || item as value_key
    from {{ ref('stg_raw__three_public_lines') }}
),

evaluation_values as (
    -- the unit's overall 绩效自评表: budget A and executed B
    select
        document_id,
        'evaluation' as table_code,
        source_line,
        unnest([budget_wan, executed_wan]) as amount_wan,
        unnest(['budget', 'executed']) as value_key
    from {{ ref('stg_raw__evaluations') }}
    where evaluation_kind = 'unit_overall'
),

unioned as (
    select * from subject_values
    union all
    select * from totals_values
    union all
    select * from econ_values
    union all
    select * from econ_group_sums
    where
        not exists (
            select 1 from econ_values as printed
            where
                econ_group_sums.document_id = printed.document_id
                and econ_group_sums.value_key = printed.value_key
        )
    union all
    select * from three_public_values
    union all
    select * from evaluation_values
)

select
    document_id,
    table_code,
    value_key,
    sum(amount_wan) as amount_wan,
    min(source_line) as source_line
from unioned
group by document_id, table_code, value_key
