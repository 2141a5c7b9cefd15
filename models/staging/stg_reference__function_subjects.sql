select
    code as subject_code,
    name as subject_name,
    level as subject_level,
    nullif(parent_code, '') as parent_code,
    is_candidate,
    confidence,
    source
from {{ ref('ref_function_subjects') }}
