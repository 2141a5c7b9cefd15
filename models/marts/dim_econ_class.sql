select
    econ_code,
    econ_name,
    econ_level,
    parent_code,
    cost_group,
    class_code,
    code_source,
    is_candidate,
    confidence,
    reference_source,
    names_seen,
    documents_printed,
    documents_used
from {{ ref('int_econ_classes__unioned') }}
