-- Reference list of 支出功能分类 joined with every code the loaded documents use.
with reference as (
    select * from {{ ref('stg_reference__function_subjects') }}
),

seen as (
    select
        subject_code,
        arg_max(subject_name, length(subject_name)) filter (where code_method = 'printed') as printed_name,
        count(distinct document_id) filter (where code_method = 'printed') as documents_printed,
        count(distinct document_id) as documents_used,
        string_agg(distinct subject_name, ' | ' order by subject_name) as names_seen
    from {{ ref('stg_raw__subject_lines') }}
    where subject_code is not null and not is_total
    group by subject_code
),

class_lines as (
    select distinct subject_code
    from {{ ref('stg_raw__totals_lines') }}
    where subject_code is not null
),

codes as (
    select subject_code from reference
    union
    select subject_code from seen
    union
    select subject_code from class_lines
)

select
    codes.subject_code,
    coalesce(reference.subject_name, seen.printed_name, seen.names_seen) as subject_name,
    coalesce(
        reference.subject_level,
        case length(codes.subject_code) when 3 then '类' when 5 then '款' else '项' end
    ) as subject_level,
    coalesce(
        reference.parent_code,
        case when length(codes.subject_code) > 3 then left(codes.subject_code, length(codes.subject_code) - 2) end
    ) as parent_code,
    left(codes.subject_code, 3) as class_code,
    case when length(codes.subject_code) >= 5 then left(codes.subject_code, 5) end as kuan_code,
    case when reference.subject_code is null then 'document' else 'reference' end as code_source,
    coalesce(reference.is_candidate, false) as is_candidate,
    coalesce(reference.confidence, 'printed') as confidence,
    reference.source as reference_source,
    seen.printed_name,
    seen.names_seen,
    coalesce(seen.documents_printed, 0) as documents_printed,
    coalesce(seen.documents_used, 0) as documents_used
from codes
left join reference on codes.subject_code = reference.subject_code
left join seen on codes.subject_code = seen.subject_code
