-- Table 06 (人员/公用经费 composition, 类 = Σ 款, every row coded) and table 09 (三公 composition).
with econ as (
    select
        econ_lines.*,
        documents.source_amount_unit
    from {{ ref('stg_raw__econ_lines') }} as econ_lines
    inner join {{ ref('stg_raw__documents') }} as documents on econ_lines.document_id = documents.document_id
),

groups as (
    select
        document_id,
        any_value(source_amount_unit) as source_amount_unit,
        max(amount_wan) filter (where total_key = 'personnel_total') as personnel_total,
        sum(amount_wan) filter (where econ_level = '类' and econ_code in ('301', '303')) as personnel_classes,
        count(*) filter (where econ_level = '类' and econ_code in ('301', '303')) as n_personnel,
        max(amount_wan) filter (where total_key = 'public_use_total') as public_use_total,
        sum(amount_wan) filter (where econ_level = '类' and econ_code in ('302', '309', '310', '399')) as public_classes,
        count(*) filter (where econ_level = '类' and econ_code in ('302', '309', '310', '399')) as n_public,
        string_agg(distinct source_line::varchar, ',') filter (where total_key is not null) as total_lines
    from econ
    group by document_id
),

classes as (
    select
        parent.document_id,
        parent.econ_code,
        any_value(parent.amount_wan) as printed,
        sum(child.amount_wan) as items,
        count(*) as n_items,
        any_value(parent.source_amount_unit) as source_amount_unit,
        any_value(parent.source_line) as source_line
    from econ as parent
    inner join econ as child on parent.document_id = child.document_id and parent.econ_code = child.parent_code
    where parent.econ_level = '类'
    group by parent.document_id, parent.econ_code
),

three_public as (
    select
        three_public_lines.document_id,
        three_public_lines.measure,
        any_value(documents.source_amount_unit) as source_amount_unit,
        max(three_public_lines.amount_wan) filter (where three_public_lines.item = 'total') as total,
        max(three_public_lines.amount_wan) filter (where three_public_lines.item = 'abroad') as abroad,
        max(three_public_lines.amount_wan) filter (where three_public_lines.item = 'vehicle_subtotal') as vehicles,
        max(three_public_lines.amount_wan) filter (where three_public_lines.item = 'vehicle_purchase') as purchase,
        max(three_public_lines.amount_wan) filter (where three_public_lines.item = 'vehicle_operation') as vehicle_operation,
        max(three_public_lines.amount_wan) filter (where three_public_lines.item = 'reception') as reception,
        min(three_public_lines.source_line) as source_line
    from {{ ref('stg_raw__three_public_lines') }} as three_public_lines
    inner join {{ ref('stg_raw__documents') }} as documents
        on three_public_lines.document_id = documents.document_id
    group by three_public_lines.document_id, three_public_lines.measure
),

checks as (
    select
        document_id,
        'T06-01' as rule_id,
        'document' as scope,
        personnel_classes as expected_value,
        personnel_total as actual_value,
        {{ rounding_envelope('n_personnel', 'source_amount_unit') }} as rounding_tolerance,
        'T06 lines ' || total_lines as source_ref
    from groups
    union all
    select
        document_id,
        'T06-02',
        'document',
        public_classes,
        public_use_total,
        {{ rounding_envelope('n_public', 'source_amount_unit') }},
        'T06 lines ' || total_lines
    from groups
    union all
    select
        document_id,
        'T06-03',
        econ_code,
        items,
        printed,
        {{ rounding_envelope('n_items', 'source_amount_unit') }},
        'T06 line ' || source_line
    from classes
    union all
    select
        document_id,
        'T06-04',
        econ_name_raw || ' line ' || source_line,
        1,
        case when econ_code is null then 0 else 1 end,
        0,
        'T06 line ' || source_line
    from econ
    where total_key is null
    union all
    select
        document_id,
        case measure when 'budget' then 'T09-01' else 'T09-02' end,
        'document',
        abroad + vehicles + reception,
        total,
        {{ rounding_envelope(3, 'source_amount_unit') }},
        'T09 line ' || source_line
    from three_public
    union all
    select
        document_id,
        case measure when 'budget' then 'T09-03' else 'T09-04' end,
        'document',
        purchase + vehicle_operation,
        vehicles,
        {{ rounding_envelope(2, 'source_amount_unit') }},
        'T09 line ' || source_line
    from three_public
)

select
    document_id,
    rule_id,
    scope,
    expected_value,
    actual_value,
    'eq' as comparison,
    0 as pass_tolerance,
    rounding_tolerance,
    source_ref,
    null as note
from checks
