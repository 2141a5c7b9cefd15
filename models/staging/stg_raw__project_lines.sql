select
    document_id,
    source_line,
    project_name,
    {{ amount_wan('amount_wan') }} as amount_wan,
    amount_decimals,
    outcome_text
from {{ source('raw', 'project_lines') }}
