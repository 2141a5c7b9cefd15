select
    document_id,
    table_code,
    side,
    line_no,
    source_line,
    line_name_raw,
    line_item,
    fund,
    subject_code,
    column_key,
    column_no,
    is_subtotal,
    raw_text,
    {{ amount_wan('amount_wan') }} as amount_wan
from {{ source('raw', 'totals_lines') }}
