select
    document_id,
    source_line,
    project_name,
    amount_wan,
    outcome_text
from {{ source('raw', 'project_lines') }}
