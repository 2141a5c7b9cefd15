{#-
    numerator / denominator × multiplier as an exact DECIMAL(18, scale), rounded half away from zero
    (DuckDB's `/` gives DOUBLE). Operands may carry up to 6 fractional digits; scale is 1 or more.
    Null when the denominator is 0 or null.
-#}
{% macro exact_ratio(numerator, denominator, multiplier=1, scale=2) -%}
    {%- set unit = "0." ~ ("0" * (scale - 1)) ~ "1" -%}
    case
        when ({{ denominator }}) <> 0
            then cast(
                cast(
                    sign(({{ numerator }})) * sign(({{ denominator }})) * (
                        (
                            abs(cast(({{ numerator }}) * 1000000 as hugeint)) * {{ multiplier }} * {{ 10 ** scale }} * 2
                            + abs(cast(({{ denominator }}) * 1000000 as hugeint))
                        ) // (2 * abs(cast(({{ denominator }}) * 1000000 as hugeint)))
                    ) as decimal(38, 0)
                ) * cast({{ unit }} as decimal({{ scale + 1 }}, {{ scale }})) as decimal(18, {{ scale }})
            )
    end
{%- endmacro %}
