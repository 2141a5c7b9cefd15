with by_year as (
    select * from {{ ref('int_function_subjects__by_year') }}
),

subjects as (
    select
        subject_code,
        subject_name
    from {{ ref('int_function_subjects__unioned') }}
)

select
    by_year.subject_code,
    by_year.fiscal_year,
    by_year.subject_name,
    subjects.subject_name as reference_name,
    -- a different wording, not the reference name cut short by a narrow column
    not starts_with({{ comparable_name('subjects.subject_name') }}, by_year.subject_name) as is_renamed,
    by_year.documents_printed,
    by_year.documents_used
from by_year
inner join subjects on by_year.subject_code = subjects.subject_code
