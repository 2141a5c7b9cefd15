select
    document_id,
    unit_id,
    unit_name,
    unit_alias,
    fiscal_year,
    doc_kind,
    title,
    publication_date,
    region_province,
    region_city,
    region_district,
    source_file,
    content_sha256,
    source_amount_unit,
    warnings as parse_warnings,
    loaded_at
from {{ source('raw', 'documents') }}
