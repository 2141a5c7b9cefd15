-- Finest printed grain of the subject tables (leaf rows, no 合计/subtotal rows), with document keys.
select
    subject_lines.document_id,
    documents.unit_id,
    documents.fiscal_year,
    subject_lines.table_code,
    subject_lines.fund_scope,
    subject_lines.subject_code,
    subject_lines.printed_code,
    subject_lines.code_method,
    subject_lines.subject_name_raw,
    subject_lines.column_key,
    subject_lines.amount_wan,
    subject_lines.raw_text,
    subject_lines.source_line
from {{ ref('stg_raw__subject_lines') }} as subject_lines
inner join {{ ref('stg_raw__documents') }} as documents on subject_lines.document_id = documents.document_id
where subject_lines.is_leaf and not subject_lines.is_total and subject_lines.column_key <> 'total'
