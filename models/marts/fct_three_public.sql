-- Table 09 三公经费: budget and actual per item (合计 and 用车小计 stay in staging), with what the
-- narrative states beside it: the change on last year (so the prior-year actual) and the counts.
with three_public_lines as (
    select * from {{ ref('stg_raw__three_public_lines') }}
    where item in ('abroad', 'vehicle_purchase', 'vehicle_operation', 'reception')
),

documents as (
    select * from {{ ref('stg_raw__documents') }}
),

item_keys as (
    -- narrative statement keys that speak about each table item
    select
        item_key_map.item,
        item_key_map.actual_key,
        item_key_map.count_key,
        item_key_map.people_key
    from (
        values
        ('abroad', 'abroad', null, null),
        ('vehicle_purchase', 'vehicle_purchase', 'vehicles_purchased', null),
        ('vehicle_operation', 'vehicle_operation', 'vehicle_count', null),
        ('reception', 'official_reception', 'reception_groups', 'reception_people')
    ) as item_key_map (item, actual_key, count_key, people_key)
),

statements as (
    select * from {{ ref('stg_raw__statements') }}
    where section = 'three_public'
),

stated as (
    select
        item_keys.item,
        statements.document_id,
        max(statements.amount_wan) filter (where statements.statement_key = item_keys.actual_key) as stated_actual_wan,
        max(statements.amount_wan) filter (
            where statements.statement_key = item_keys.actual_key || '_change'
        ) as stated_change_wan,
        max(statements.percent) filter (
            where statements.statement_key = item_keys.actual_key || '_change'
        ) as stated_change_pct,
        max(statements.quantity) filter (where statements.statement_key = item_keys.count_key) as stated_count,
        max(statements.quantity) filter (where statements.statement_key = item_keys.people_key) as stated_people
    from item_keys
    inner join statements
        on statements.statement_key in (
            item_keys.actual_key, item_keys.actual_key || '_change', item_keys.count_key, item_keys.people_key
        )
    group by item_keys.item, statements.document_id
),

tables as (
    select
        three_public_lines.document_id,
        three_public_lines.item,
        max(three_public_lines.amount_wan) filter (where three_public_lines.measure = 'budget') as budget_wan,
        max(three_public_lines.amount_wan) filter (where three_public_lines.measure = 'actual') as actual_wan,
        max(three_public_lines.source_line) as source_line
    from three_public_lines
    group by three_public_lines.document_id, three_public_lines.item
)

select
    tables.document_id,
    documents.unit_id,
    documents.fiscal_year,
    tables.item,
    tables.budget_wan,
    tables.actual_wan,
    stated.stated_change_wan,
    stated.stated_change_pct,
    cast(stated.stated_actual_wan - stated.stated_change_wan as decimal(22, 6)) as prior_year_actual_stated_wan,
    case when tables.item = 'vehicle_purchase' then stated.stated_count end as vehicles_purchased,
    case when tables.item = 'vehicle_operation' then stated.stated_count end as vehicle_count,
    case when tables.item = 'reception' then stated.stated_count end as reception_groups,
    stated.stated_people as reception_people,
    tables.source_line
from tables
inner join documents on tables.document_id = documents.document_id
left join stated on tables.document_id = stated.document_id and tables.item = stated.item
