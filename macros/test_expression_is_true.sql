{#- Row-level assertion: returns the rows where the expression does not hold. -#}
{% test expression_is_true(model, expression) %}
select *
from {{ model }}
where not ({{ expression }})
{% endtest %}
