select
    document_id,
    section,
    statement_key,
    {{ amount_wan('amount_wan') }} as amount_wan,
    amount_decimals,
    percent,
    percent_decimals,
    quantity,
    quantity_unit,
    detail,
    subject_code,
    source_line,
    quote
from {{ source('raw', 'statements') }}
