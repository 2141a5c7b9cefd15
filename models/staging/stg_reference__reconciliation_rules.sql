select
    rule_id,
    title_zh as rule_title_zh,
    title_en as rule_title,
    category,
    severity,
    identity,
    tolerance as tolerance_kind,
    scope as rule_scope
from {{ ref('reconciliation_rules') }}
