-- 支出功能分类 as each fiscal year's documents print it: one row per code and year it is used in. Names change
-- between years (210 医疗卫生与计划生育支出 → 卫生健康支出 in 2019), so the year's own wording is kept beside
-- the reference name.
with documents as (
    select
        document_id,
        fiscal_year
    from {{ ref('stg_raw__documents') }}
),

subject_names as (
    select
        subject_lines.document_id,
        subject_lines.subject_code,
        subject_lines.subject_name_raw as name_raw,
        subject_lines.code_method = 'printed' as is_printed
    from {{ ref('stg_raw__subject_lines') }} as subject_lines
    where subject_lines.subject_code is not null and not subject_lines.is_total
),

class_names as (
    -- table 01/04 class lines: 六、科学技术支出 (the list number dropped)
    select
        document_id,
        subject_code,
        regexp_replace(line_name_raw, '^[一二三四五六七八九十]+[、.．]\s*', '') as name_raw,
        true as is_printed
    from {{ ref('stg_raw__totals_lines') }}
    where subject_code is not null
),

printed as (
    select * from subject_names
    union all
    select * from class_names
),

names as (
    select
        documents.fiscal_year,
        printed.subject_code,
        printed.document_id,
        printed.is_printed,
        {{ comparable_name('printed.name_raw') }} as subject_name
    from printed
    inner join documents on printed.document_id = documents.document_id
    where printed.name_raw is not null
)

select
    names.subject_code,
    names.fiscal_year,
    -- the longest name printed beside the full code that year (tables truncate names)
    arg_max(names.subject_name, (names.is_printed, length(names.subject_name))) as subject_name,
    count(distinct names.document_id) filter (where names.is_printed) as documents_printed,
    count(distinct names.document_id) as documents_used
from names
group by names.subject_code, names.fiscal_year
