select
    document_id,
    source_line,
    text as paragraph_text
from {{ source('raw', 'paragraphs') }}
