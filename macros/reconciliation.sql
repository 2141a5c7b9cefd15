{#- Rounding envelope: n addends each rounded to the last printed digit (0.01 万元, or 0.01 元). -#}
{% macro rounding_envelope(n_addends, amount_unit) -%}
    (0.005 * ({{ n_addends }}) * case when {{ amount_unit }} = '元' then 0.0001 else 1 end)
{%- endmacro %}

{#- Half a unit of the last digit a stated percent prints (15.2 → 0.05; 100 → 0.5). -#}
{% macro printed_half_unit(decimals) -%}
    (0.5 / pow(10, coalesce({{ decimals }}, 1)))::decimal(9, 4)
{%- endmacro %}

{#- Exact percent numerator / denominator × 100 to 4 places (no DOUBLE). -#}
{% macro exact_pct(numerator, denominator) -%}
    {{ exact_ratio(numerator, denominator, 100, 4) }}
{%- endmacro %}

{#-
    How far a percent computed from amounts rounded to the last printed digit may stray:
    100 × 0.01 × (|numerator| + |denominator|) / denominator², in percentage points.
-#}
{% macro pct_envelope(numerator, denominator, amount_unit) -%}
    {{ exact_ratio(
        "0.01 * case when " ~ amount_unit ~ " = '元' then 0.0001 else 1 end * (abs(" ~ numerator ~ ") + abs(" ~ denominator ~ "))",
        "(" ~ denominator ~ ") * (" ~ denominator ~ ")", 100, 4) }}
{%- endmacro %}
