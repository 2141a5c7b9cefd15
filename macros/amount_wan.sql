{#-
    A raw amount in the analysts' type. The loader stores amounts as DECIMAL(18, 6) (fast to bulk
    read, room for 10^12 万元 per printed cell); marts carry DECIMAL(22, 6) so sums across units never
    overflow.
-#}
{% macro amount_wan(column) -%}
    cast({{ column }} as decimal(22, 6))
{%- endmacro %}
