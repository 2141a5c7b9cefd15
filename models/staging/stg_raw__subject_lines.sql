select
    document_id,
    table_code,
    row_index,
    source_line,
    printed_code,
    subject_code,
    code_method,
    subject_level,
    parent_code,
    subject_name_raw,
    {{ unwrapped('subject_name_raw') }} as subject_name,
    is_total,
    is_leaf,
    column_key,
    column_no,
    raw_text,
    {{ amount_wan('amount_wan') }} as amount_wan,
    case table_code
        when '02' then 'income'
        when '03' then 'all_funds'
        when '05' then 'general_public_budget'
        when '07' then 'government_fund'
        when '08' then 'state_capital'
    end as fund_scope
from {{ source('raw', 'subject_lines') }}
