{#- The columns a row's total sums: income sources (02) and expense kinds (03/05/07/08), and unnamed columns only
    where no 基本支出 column is printed (人员经费 | 公用经费 under a 基本支出 小计 are parts of it, without one they
    stand for it). -#}
{%- set named_part = "column_key in ('fiscal_grant', 'superior_subsidy', 'business', 'operating', "
    ~ "'affiliate_remittance', 'other', 'basic', 'basic_personnel', 'basic_public_use', 'project', 'remit_to_superior', "
    ~ "'subsidy_to_affiliates')" -%}
-- Tables 02/03/05/07/08: 合计 = Σ 类, 类 = Σ 款, 款 = Σ 项 per column, and row total = Σ its columns.
with lines as (
    select
        subject_lines.*,
        documents.source_amount_unit
    from {{ ref('stg_raw__subject_lines') }} as subject_lines
    inner join {{ ref('stg_raw__documents') }} as documents on subject_lines.document_id = documents.document_id
),

parents as (
    select
        document_id,
        table_code,
        column_key,
        source_line,
        amount_wan,
        source_amount_unit,
        case when is_total then '01' when subject_level = '类' then '02' else '03' end as rule_no,
        coalesce(subject_code, printed_code, '合计') as node
    from lines
    where is_total or subject_level in ('类', '款')
),

children as (
    select
        document_id,
        table_code,
        column_key,
        source_line,
        amount_wan,
        case when subject_level = '类' then '合计' else parent_code end as node
    from lines
    where not is_total and subject_level in ('类', '款', '项')
),

hierarchy as (
    select
        parents.document_id,
        'T' || parents.table_code || '-' || parents.rule_no as rule_id,
        parents.node || ' ' || parents.column_key as scope,
        sum(children.amount_wan) as expected_value,
        any_value(parents.amount_wan) as actual_value,
        'eq' as comparison,
        0 as pass_tolerance,
        {{ rounding_envelope('count(*)', 'any_value(parents.source_amount_unit)') }} as rounding_tolerance,
        'T' || parents.table_code || ' line ' || parents.source_line || ' vs lines '
        || array_to_string(list_sort(list(children.source_line)), ',') as source_ref,
        null as note
    from parents
    inner join children
        on
            parents.document_id = children.document_id
            and parents.table_code = children.table_code
            and parents.column_key = children.column_key
            and parents.node = children.node
    group by parents.document_id, parents.table_code, parents.rule_no, parents.node, parents.column_key, parents.source_line
),

row_parts as (
    select
        document_id,
        table_code,
        coalesce(any_value(subject_code), any_value(printed_code), '合计') as node,
        min(source_line) as source_line,
        any_value(source_amount_unit) as source_amount_unit,
        bool_or(column_key = 'basic') as has_basic,
        sum(amount_wan) filter (where {{ named_part }}) as named_wan,
        count(*) filter (where {{ named_part }}) as named_count,
        sum(amount_wan) filter (where column_key like 'col%') as unnamed_wan,
        count(*) filter (where column_key like 'col%') as unnamed_count,
        max(amount_wan) filter (where column_key = 'total') as total_wan
    from lines
    group by document_id, table_code, row_index
    having count(*) filter (where column_key = 'total') = 1
),

row_totals as (
    select
        document_id,
        'T' || table_code || '-04' as rule_id,
        node || ' line ' || source_line as scope,
        case when has_basic then named_wan else coalesce(named_wan + unnamed_wan, named_wan, unnamed_wan) end
            as expected_value,
        total_wan as actual_value,
        'eq' as comparison,
        0 as pass_tolerance,
        {{ rounding_envelope(
            'named_count + case when has_basic then 0 else unnamed_count end',
            'source_amount_unit') }} as rounding_tolerance,
        'T' || table_code || ' line ' || source_line as source_ref,
        null as note
    from row_parts
)

select * from hierarchy
union all
select * from row_totals
