-- Ties between tables: 01↔02, 01↔03, 04↔05, 05↔06, 04↔07/08, 03⊇05, 06↔09.
with table_values as (
    select * from {{ ref('int_recon__table_values') }}
),

documents as (
    select
        document_id,
        source_amount_unit
    from {{ ref('stg_raw__documents') }}
),

statuses as (
    select * from {{ ref('stg_raw__document_tables') }}
),

-- expected value (table, key) against actual value (table, key); an absent or empty expected table counts 0
pairs as (
    select
        pair_map.rule_id,
        pair_map.expected_table,
        pair_map.expected_key,
        pair_map.actual_table,
        pair_map.actual_key,
        pair_map.comparison
    from (
        values
        ('X-01', '01', 'income:income_this_year_total:amount', '02', 'total:total', 'eq'),
        ('X-02', '01', 'expense:expense_this_year_total:amount', '03', 'total:total', 'eq'),
        ('X-04', '04', 'expense:expense_this_year_total:general_public_budget', '05', 'total:total', 'eq'),
        ('X-08', '07', 'total:total', '04', 'expense:expense_this_year_total:government_fund', 'eq'),
        ('X-09', '08', 'total:total', '04', 'expense:expense_this_year_total:state_capital', 'eq'),
        ('X-10', '04', 'income:gpb_grant:amount', '01', 'income:gpb_grant:amount', 'eq'),
        ('X-11', '04', 'income:income_this_year_total:amount', '02', 'total:fiscal_grant', 'eq'),
        ('X-12', '09', 'actual:reception', '06', 'econ:30217', 'le'),
        ('X-13', '09', 'actual:vehicle_operation', '06', 'econ:30231', 'le'),
        ('X-14', '09', 'actual:abroad', '06', 'econ:30212', 'le'),
        ('X-15', '09', 'actual:vehicle_purchase', '06', 'econ:31013', 'le'),
        ('X-16', '03', 'total:project', '05', 'total:project', 'le')
    ) as pair_map (rule_id, expected_table, expected_key, actual_table, actual_key, comparison)
),

paired as (
    select
        documents.document_id,
        pairs.rule_id,
        'document' as scope,
        coalesce(
            expected.amount_wan,
            case when expected_status.table_status in ('absent', 'empty') then 0 end
        ) as expected_value,
        actual.amount_wan as actual_value,
        pairs.comparison,
        0 as pass_tolerance,
        {{ rounding_envelope(1, 'documents.source_amount_unit') }} as rounding_tolerance,
        'T' || pairs.expected_table || coalesce(' line ' || expected.source_line, ' (' || expected_status.table_status || ')')
        || ' vs T' || pairs.actual_table || ' line ' || actual.source_line as source_ref,
        null as note
    from documents
    cross join pairs
    inner join table_values as actual
        on
            documents.document_id = actual.document_id
            and pairs.actual_table = actual.table_code
            and pairs.actual_key = actual.value_key
    left join table_values as expected
        on
            documents.document_id = expected.document_id
            and pairs.expected_table = expected.table_code
            and pairs.expected_key = expected.value_key
    left join statuses as expected_status
        on documents.document_id = expected_status.document_id and pairs.expected_table = expected_status.table_code
),

basic_vs_econ as (
    select
        basic.document_id,
        'X-07' as rule_id,
        'document' as scope,
        personnel.amount_wan + public_use.amount_wan as expected_value,
        basic.amount_wan as actual_value,
        'eq' as comparison,
        0 as pass_tolerance,
        {{ rounding_envelope(2, 'documents.source_amount_unit') }} as rounding_tolerance,
        'T05 line ' || basic.source_line || ' vs T06 lines ' || personnel.source_line as source_ref,
        null as note
    from table_values as basic
    inner join documents on basic.document_id = documents.document_id
    inner join table_values as personnel
        on basic.document_id = personnel.document_id and personnel.value_key = 'personnel_total'
    inner join table_values as public_use
        on basic.document_id = public_use.document_id and public_use.value_key = 'public_use_total'
    where basic.table_code = '05' and basic.value_key = 'total:basic'
),

expense_kinds as (
    -- table 01's expense side by kind (older templates) and the table 03 column of each kind
    select
        kind_map.line_item,
        kind_map.column_key
    from (
        values
        ('basic_expense', 'basic'),
        ('project_expense', 'project'),
        ('remit_to_superior', 'remit_to_superior'),
        ('operating_expense', 'operating'),
        ('subsidy_to_affiliates', 'subsidy_to_affiliates')
    ) as kind_map (line_item, column_key)
),

kind_documents as (
    -- table 01 printing its expense side by kind and not by class
    select table_values.document_id
    from table_values
    inner join expense_kinds on table_values.value_key = 'expense:' || expense_kinds.line_item || ':amount'
    where table_values.table_code = '01'
    except
    select table_values.document_id
    from table_values
    where table_values.table_code = '01' and table_values.value_key like 'expense:class_expense:%'
),

class_lines as (
    -- class values by table: T03/T05 class rows, T01/T04 class lines
    select
        document_id,
        table_code,
        source_line,
        amount_wan,
        split_part(value_key, ':', case when table_code in ('01', '04') then 3 else 2 end) as class_code,
        case when table_code in ('01', '03') then 'X-03' else 'X-05' end as rule_id
    from table_values
    where
        (
            table_code = '03' and value_key like 'class:%:total'
            and document_id not in (select kind_documents.document_id from kind_documents)
        )
        or (table_code = '05' and value_key like 'class:%:total')
        or (table_code = '01' and value_key like 'expense:class_expense:%:amount')
        or (table_code = '04' and value_key like 'expense:class_expense:%:general_public_budget')
    union all
    -- a table 01 printing its expense side by kind: each kind line against table 03's 合计 row
    select
        table_values.document_id,
        table_values.table_code,
        table_values.source_line,
        table_values.amount_wan,
        expense_kinds.column_key as class_code,
        'X-03' as rule_id
    from table_values
    inner join kind_documents on table_values.document_id = kind_documents.document_id
    inner join expense_kinds
        on
            (table_values.table_code = '01' and table_values.value_key = 'expense:' || expense_kinds.line_item || ':amount')
            or (table_values.table_code = '03' and table_values.value_key = 'total:' || expense_kinds.column_key)
),

class_line_values as (
    select * from class_lines
    where table_code in ('01', '04')
),

class_row_values as (
    select * from class_lines
    where table_code in ('03', '05')
),

classes as (
    select
        coalesce(lines_table.document_id, subject_table.document_id) as document_id,
        coalesce(lines_table.rule_id, subject_table.rule_id) as rule_id,
        coalesce(lines_table.class_code, subject_table.class_code) as scope,
        coalesce(lines_table.amount_wan, 0) as expected_value,
        coalesce(subject_table.amount_wan, 0) as actual_value,
        'eq' as comparison,
        0 as pass_tolerance,
        {{ rounding_envelope(1, 'documents.source_amount_unit') }} as rounding_tolerance,
        coalesce('T' || lines_table.table_code || ' line ' || lines_table.source_line, 'no class line')
        || ' vs ' || coalesce('T' || subject_table.table_code || ' line ' || subject_table.source_line, 'no class row')
            as source_ref,
        null as note
    from class_line_values as lines_table
    full outer join class_row_values as subject_table
        on
            lines_table.document_id = subject_table.document_id
            and lines_table.class_code = subject_table.class_code
            and lines_table.rule_id = subject_table.rule_id
    inner join documents on coalesce(lines_table.document_id, subject_table.document_id) = documents.document_id
    where coalesce(lines_table.amount_wan, 0) <> 0 or coalesce(subject_table.amount_wan, 0) <> 0
),

items as (
    select
        gpb.document_id,
        'X-06' as rule_id,
        split_part(gpb.value_key, ':', 2) || ' ' || split_part(gpb.value_key, ':', 3) as scope,
        coalesce(all_funds.amount_wan, 0) as expected_value,
        gpb.amount_wan as actual_value,
        'le' as comparison,
        0 as pass_tolerance,
        {{ rounding_envelope(1, 'documents.source_amount_unit') }} as rounding_tolerance,
        'T05 line ' || gpb.source_line || ' vs ' || coalesce('T03 line ' || all_funds.source_line, 'no T03 row') as source_ref,
        null as note
    from table_values as gpb
    inner join documents on gpb.document_id = documents.document_id
    left join table_values as all_funds
        on
            gpb.document_id = all_funds.document_id
            and all_funds.table_code = '03'
            and gpb.value_key = all_funds.value_key
    where gpb.table_code = '05' and (gpb.value_key like 'item:%:basic' or gpb.value_key like 'item:%:project')
)

select * from paired
union all
select * from basic_vs_econ
union all
select * from classes
union all
select * from items
