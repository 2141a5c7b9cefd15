-- One row per loaded document (the current version of each unit, year and kind).
with tables as (
    select
        document_id,
        string_agg(table_code, ',' order by table_code) filter (where table_status = 'present') as tables_present,
        string_agg(table_code, ',' order by table_code) filter (where table_status = 'empty') as tables_empty,
        string_agg(table_code, ',' order by table_code) filter (where table_status = 'absent') as tables_absent
    from {{ ref('stg_raw__document_tables') }}
    group by document_id
)

select
    documents.document_id,
    documents.unit_id,
    documents.unit_name,
    documents.fiscal_year,
    documents.doc_kind,
    documents.title,
    documents.source_file,
    documents.content_sha256,
    documents.source_amount_unit,
    documents.unit_alias,
    documents.publication_date,
    tables.tables_present,
    tables.tables_empty,
    tables.tables_absent,
    documents.parse_warnings,
    documents.loaded_at
from {{ ref('stg_raw__documents') }} as documents
left join tables on documents.document_id = tables.document_id
