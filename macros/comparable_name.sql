{#-
    A printed name in comparable form: no spaces (line wraps leave them inside words), full-width brackets
    (documents print both （室） and (室)).
-#}
{% macro comparable_name(column) -%}
    replace(replace(replace({{ column }}, ' ', ''), '(', '（'), ')', '）')
{%- endmacro %}
