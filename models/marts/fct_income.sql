-- Table 02 收入决算表 at 项 grain (finest printed row) by income source; no subtotals, and no column of another
-- kind (年初结转和结余, or one whose heading names no source: reported by the loaders, kept in staging).
select
    document_id,
    unit_id,
    fiscal_year,
    subject_code,
    column_key as income_source,
    amount_wan,
    printed_code,
    code_method,
    subject_name_raw,
    raw_text,
    source_line
from {{ ref('int_subject_leaf_values') }}
where
    table_code = '02'
    and column_key in ('fiscal_grant', 'superior_subsidy', 'business', 'operating', 'affiliate_remittance', 'other')
