select
    document_id,
    table_code,
    panel,
    cost_group_printed,
    source_line,
    printed_code,
    econ_code,
    code_method,
    econ_level,
    parent_code,
    econ_name_raw,
    {{ unwrapped('econ_name_raw') }} as econ_name,
    is_leaf,
    total_key,
    raw_text,
    {{ amount_wan('amount_wan') }} as amount_wan
from {{ source('raw', 'econ_lines') }}
