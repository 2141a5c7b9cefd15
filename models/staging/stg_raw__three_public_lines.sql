select
    document_id,
    table_code,
    measure,
    item,
    column_no,
    header_text,
    source_line,
    raw_text,
    {{ amount_wan('amount_wan') }} as amount_wan
from {{ source('raw', 'three_public_lines') }}
