-- One row per budget unit; name, alias, region and supervising department from its most recent document.
with documents as (
    select * from {{ ref('stg_raw__documents') }}
),

supervisors as (
    select
        document_id,
        -- 主管部门 as printed in the 绩效自评表, without a trailing note on the name before a reorganisation
        mode(trim(regexp_replace(supervising_department, '[（(]机构改革前.*$', ''))) as supervising_department
    from {{ ref('stg_raw__evaluations') }}
    where supervising_department is not null
    group by document_id
)

select
    documents.unit_id,
    arg_max(documents.unit_name, documents.fiscal_year) as unit_name,
    arg_max(documents.unit_alias, documents.fiscal_year) as unit_alias,
    arg_max(supervisors.supervising_department, documents.fiscal_year) as supervising_department,
    arg_max(documents.region_province, documents.fiscal_year) as region_province,
    arg_max(documents.region_city, documents.fiscal_year) as region_city,
    arg_max(documents.region_district, documents.fiscal_year) as region_district,
    arg_max(documents.publication_date, documents.fiscal_year) as latest_publication_date,
    min(documents.fiscal_year) as first_fiscal_year,
    max(documents.fiscal_year) as last_fiscal_year,
    count(*) as document_count
from documents
left join supervisors on documents.document_id = supervisors.document_id
group by documents.unit_id
