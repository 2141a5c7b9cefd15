-- The narrative's 项目支出 list: project, amount and 主要成效.
with projects as (
    select * from {{ ref('stg_raw__project_lines') }}
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
)

select
    projects.document_id,
    documents.unit_id,
    documents.fiscal_year,
    projects.project_name,
    projects.amount_wan,
    projects.outcome_text,
    projects.source_line
from projects
inner join documents on projects.document_id = documents.document_id
