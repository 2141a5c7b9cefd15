select
    subject_code,
    subject_name,
    subject_level,
    parent_code,
    class_code,
    kuan_code,
    code_source,
    is_candidate,
    confidence,
    reference_source,
    printed_name,
    names_seen,
    documents_printed,
    documents_used
from {{ ref('int_function_subjects__unioned') }}
