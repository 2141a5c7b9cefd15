-- Completeness: nine tables present or declared empty, one fiscal year and one unit throughout,
-- every code resolved, every amount unit stated.
with documents as (
    select * from {{ ref('stg_raw__documents') }}
),

tables as (
    select * from {{ ref('stg_raw__document_tables') }}
),

years as (
    -- a year in a table caption, or the year a narrative compares with (与 NNNN 年度相比 / 比 NNNN 年度)
    select
        tables.document_id,
        'T' || tables.table_code || ' caption' as scope,
        documents.fiscal_year as expected_year,
        try_cast(regexp_extract(tables.caption, '(\d{4})\s*年', 1) as integer) as found_year,
        'line ' || tables.caption_line as source_ref
    from tables
    inner join documents on tables.document_id = documents.document_id
    where regexp_matches(tables.caption, '\d{4}\s*年')
    union all
    select
        paragraphs.document_id,
        'line ' || paragraphs.source_line,
        documents.fiscal_year - 1,
        try_cast(regexp_extract(paragraphs.paragraph_text, '(?:与|比|较)\s*(\d{4})\s*年度?(?:相比|决算)', 1) as integer),
        'line ' || paragraphs.source_line
    from {{ ref('stg_raw__paragraphs') }} as paragraphs
    inner join documents on paragraphs.document_id = documents.document_id
    where
        -- words the pattern needs, found first without a regex (millions of paragraphs at national scale)
        (
            contains(paragraphs.paragraph_text, '相比')
            or contains(paragraphs.paragraph_text, '年决算')
            or contains(paragraphs.paragraph_text, '年度决算')
        )
        and regexp_matches(paragraphs.paragraph_text, '(?:与|比|较)\s*\d{4}\s*年度?(?:相比|决算)')
),

checks as (
    select
        document_id,
        'C-01' as rule_id,
        'T' || table_code as scope,
        1 as expected_value,
        case when table_status = 'present' or note is not null then 1 else 0 end as actual_value,
        'eq' as comparison,
        0 as pass_tolerance,
        0 as rounding_tolerance,
        coalesce('line ' || first_line, 'line ' || note_line, 'not in the document') as source_ref,
        case
            when table_status = 'absent' and note is not null then 'absent; the narrative says: ' || note
            when table_status = 'empty' then 'printed empty' || coalesce('; ' || note, '')
            when table_status = 'absent'
                then 'not found (not printed, or printed in a form not read: see the document''s warnings) and not declared empty'
        end as note
    from tables
    union all
    select
        document_id,
        'C-02',
        scope,
        expected_year,
        found_year,
        'eq',
        0,
        0,
        source_ref,
        null
    from years
    union all
    select
        tables.document_id,
        'C-03',
        'T' || tables.table_code,
        1,
        case
            when
                starts_with(
                    replace(replace(replace(tables.unit_label, ' ', ''), '(', '（'), ')', '）'), documents.unit_name
                )
                or starts_with(replace(tables.unit_label, ' ', ''), documents.unit_alias)
                then 1
            else 0
        end,
        'eq',
        0,
        0,
        'line ' || tables.caption_line,
        'label: ' || tables.unit_label
    from tables
    inner join documents on tables.document_id = documents.document_id
    where tables.unit_label is not null
    union all
    select
        document_id,
        'C-04',
        table_code || ' ' || subject_name_raw || ' line ' || source_line,
        1,
        case when code_method = 'unresolved' then 0 else 1 end,
        'eq',
        0,
        0,
        'T' || table_code || ' line ' || source_line,
        null
    from {{ ref('stg_raw__subject_lines') }}
    where not is_total and column_key = 'total'
    union all
    select
        document_id,
        'C-05',
        'T' || table_code,
        1,
        case when amount_unit is null then 0 else 1 end,
        'eq',
        0,
        0,
        'line ' || first_line,
        null
    from tables
    where table_status <> 'absent'
)

select * from checks
