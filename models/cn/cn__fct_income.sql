{{ config(alias='收入决算') }}

{{ cn_view('fct_income') }}
