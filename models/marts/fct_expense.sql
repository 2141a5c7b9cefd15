-- Tables 03/05/07/08 at 项 grain by expense kind; fund_scope says which table (never sum across scopes).
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
where
    table_code in ('03', '05', '07', '08')
    and column_key in ('basic', 'project', 'remit_to_superior', 'operating', 'subsidy_to_affiliates')
