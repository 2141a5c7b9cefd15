{#-
    A printed name without the spaces a wrapped cell's lines were joined with between two Chinese characters
    (孝感市档 案馆 → 孝感市档案馆); other spaces stay (DHCP 服务). Twice: a match takes the character after its space.
-#}
{% macro unwrapped(column) -%}
    {%- set wrap = "'(\\p{Han})\\s+(\\p{Han})', '\\1\\2', 'g'" -%}
    regexp_replace(regexp_replace({{ column }}, {{ wrap }}), {{ wrap }})
{%- endmacro %}
