-- Reference list of 部门预算支出经济分类 joined with every code table 06 of the loaded documents uses.
with reference as (
    select * from {{ ref('stg_reference__econ_classes') }}
),

seen as (
    select
        econ_code,
        count(distinct document_id) filter (where code_method = 'printed') as documents_printed,
        count(distinct document_id) as documents_used,
        string_agg(distinct econ_name, ' | ' order by econ_name) as names_seen
    from {{ ref('stg_raw__econ_lines') }}
    where econ_code is not null
    group by econ_code
),

codes as (
    select econ_code from reference
    union
    select econ_code from seen
)

select
    codes.econ_code,
    coalesce(reference.econ_name, seen.names_seen) as econ_name,
    coalesce(reference.econ_level, case length(codes.econ_code) when 3 then '类' else '款' end) as econ_level,
    coalesce(reference.parent_code, case when length(codes.econ_code) = 5 then left(codes.econ_code, 3) end)
        as parent_code,
    left(codes.econ_code, 3) as class_code,
    case
        when left(codes.econ_code, 3) in ('301', '303') then '人员经费'
        when left(codes.econ_code, 3) in ('302', '309', '310', '399') then '公用经费'
    end as cost_group,
    case when reference.econ_code is null then 'document' else 'reference' end as code_source,
    coalesce(reference.is_candidate, false) as is_candidate,
    coalesce(reference.confidence, 'printed') as confidence,
    reference.source as reference_source,
    seen.names_seen,
    coalesce(seen.documents_printed, 0) as documents_printed,
    coalesce(seen.documents_used, 0) as documents_used
from codes
left join reference on codes.econ_code = reference.econ_code
left join seen on codes.econ_code = seen.econ_code
