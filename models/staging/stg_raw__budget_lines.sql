select
    document_id,
    source_line,
    path_text as subject_path_text,
    class_name,
    kuan_name,
    xiang_name,
    subject_code,
    code_method,
    {{ amount_wan('original_budget_wan') }} as original_budget_wan,
    original_decimals,
    {{ amount_wan('final_wan') }} as final_wan,
    final_decimals,
    completion_pct,
    completion_decimals,
    reason,
    quote
from {{ source('raw', 'budget_lines') }}
