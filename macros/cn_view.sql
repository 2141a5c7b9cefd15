{#-
    A view of a mart with Chinese column names: each column is renamed to the Chinese term that opens
    its description in the mart's YAML (the text before " — ", without a final full stop).
-#}
{% macro cn_term(column) -%}
    {%- set term = column.description.split(' — ')[0].strip().rstrip('.').strip() -%}
    {{- term if term else column.name -}}
{%- endmacro %}

{% macro cn_view(model_name) -%}
    {%- if execute -%}
        {%- set node = graph.nodes.values() | selectattr('name', 'equalto', model_name) | first -%}
        {%- set columns = node.columns.values() | list -%}
    {%- else -%}
        {%- set columns = [] -%}
    {%- endif %}
select
    {%- for column in columns %}
    {{ column.name }} as "{{ cn_term(column) }}"{{ "," if not loop.last }}
    {%- endfor %}
    {%- if not columns %} *{% endif %}
from {{ ref(model_name) }}
{%- endmacro %}
