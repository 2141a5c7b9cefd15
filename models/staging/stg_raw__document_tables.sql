select
    document_id,
    table_code,
    table_name,
    status as table_status,
    caption,
    caption_line,
    first_line,
    last_line,
    amount_unit,
    unit_label,
    note,
    note_line
from {{ source('raw', 'document_tables') }}
