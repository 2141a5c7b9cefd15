{#- Rounding envelope: n addends each rounded to the last printed digit (0.01 万元, or 0.01 元). -#}
{% macro rounding_envelope(n_addends, amount_unit) -%}
    (0.005 * ({{ n_addends }}) * case when {{ amount_unit }} = '元' then 0.0001 else 1 end)
{%- endmacro %}

{#- Half a unit of the last digit a stated percent prints (15.2 → 0.05; 100 → 0.5). -#}
{% macro printed_half_unit(decimals) -%}
    (0.5 / pow(10, coalesce({{ decimals }}, 1)))::decimal(9, 4)
{%- endmacro %}

{#- A stated amount against its table: within half a unit of its last printed digit (3,797.8 → 0.05 万元; decimals
    counted in 万元, so 1,300,000 元 has 4), at least the table's own rounding of one amount. -#}
{% macro stated_amount_envelope(decimals, amount_unit) -%}
    greatest(
        {{ rounding_envelope(1, amount_unit) }},
        0.5 / pow(10, least(coalesce({{ decimals }}, 2), 8))::decimal(18, 8)
    )
{%- endmacro %}

{#- Exact percent numerator / denominator × 100 to 4 places (no DOUBLE). -#}
{% macro exact_pct(numerator, denominator) -%}
    {{ exact_ratio(numerator, denominator, 100, 4) }}
{%- endmacro %}

{#- Half a unit of the last printed digit of a narrative amount, or the larger-stepped of two (in 万元: 3,797.8 → 0.05;
    2 places where unknown). -#}
{% macro stated_half_unit(decimals, other_decimals='null') -%}
    (0.5 / pow(10, least(coalesce({{ decimals }}, 2), coalesce({{ other_decimals }}, 2), 8)))::decimal(18, 8)
{%- endmacro %}

{#-
    How far a percent computed from amounts rounded to their last printed digit (half unit ``half_unit`` in 万元: the
    tables' rounding_envelope(1, unit), or a narrative's stated_half_unit) may stray:
    100 × 2 × half_unit × (|numerator| + |denominator|) / denominator², in percentage points.
-#}
{% macro pct_envelope(numerator, denominator, half_unit) -%}
    {{ exact_ratio(
        "2 * (" ~ half_unit ~ ") * (abs(" ~ numerator ~ ") + abs(" ~ denominator ~ "))",
        "(" ~ denominator ~ ") * (" ~ denominator ~ ")", 100, 4) }}
{%- endmacro %}

{#-
    Rule checks of several relations as one: each member's values cast to one type before the union (a union of
    DECIMAL(38,6) with DECIMAL(38,2) would round every value to 0.01 万元, 100 元). Tolerances keep 8 places:
    half of 0.01 元 is 0.0000005 万元.
-#}
{% macro graded_checks(relations) -%}
    {%- for relation in relations %}
    select
        document_id,
        rule_id,
        scope,
        cast(expected_value as decimal(28, 6)) as expected_value,
        cast(actual_value as decimal(28, 6)) as actual_value,
        comparison,
        cast(pass_tolerance as decimal(28, 8)) as pass_tolerance,
        cast(rounding_tolerance as decimal(28, 8)) as rounding_tolerance,
        source_ref,
        cast(note as varchar) as note
    from {{ relation }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
{%- endmacro %}
