-- Tables 03/05/07/08 at 项 grain by expense kind; fund_scope says which table (never sum across scopes).
with leaf_values as (
    select
        document_id,
        unit_id,
        fiscal_year,
        fund_scope,
        subject_code,
        column_key as expense_kind,
        amount_wan,
        table_code,
        printed_code,
        code_method,
        subject_name_raw,
        raw_text,
        source_line
    from {{ ref('int_subject_leaf_values') }}
    where table_code in ('03', '05', '07', '08')
),

basic_from_parts as (
    -- 基本支出 printed only as its parts (人员经费 | 公用经费, no 基本支出 column): their sum is the row's basic
    select
        document_id,
        unit_id,
        fiscal_year,
        fund_scope,
        subject_code,
        'basic' as expense_kind,
        cast(sum(amount_wan) as decimal(22, 6)) as amount_wan,
        table_code,
        printed_code,
        code_method,
        subject_name_raw,
        string_agg(nullif(raw_text, ''), ' + ' order by expense_kind) as raw_text,
        source_line
    from leaf_values
    where expense_kind in ('basic_personnel', 'basic_public_use')
    group by all
)

select * from leaf_values
where expense_kind in ('basic', 'project', 'remit_to_superior', 'operating', 'subsidy_to_affiliates')
union all
select * from basic_from_parts
