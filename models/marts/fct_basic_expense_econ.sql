-- Table 06 基本支出 by economic class at 款 grain; 类 rows and 合计 rows stay in staging.
with econ_lines as (
    select * from {{ ref('stg_raw__econ_lines') }}
    where is_leaf
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

classes as (
    select * from {{ ref('dim_econ_class') }}
)

select
    econ_lines.document_id,
    documents.unit_id,
    documents.fiscal_year,
    econ_lines.econ_code,
    coalesce(classes.cost_group, econ_lines.cost_group_printed) as cost_group,
    econ_lines.amount_wan,
    econ_lines.printed_code,
    econ_lines.code_method,
    econ_lines.econ_name_raw,
    econ_lines.cost_group_printed,
    econ_lines.raw_text,
    econ_lines.source_line
from econ_lines
inner join documents on econ_lines.document_id = documents.document_id
left join classes on econ_lines.econ_code = classes.econ_code
