select
    code as econ_code,
    name as econ_name,
    level as econ_level,
    nullif(parent_code, '') as parent_code,
    is_candidate,
    confidence,
    source
from {{ ref('ref_econ_classes') }}
