{{ config(alias='预算执行') }}

{{ cn_view('fct_budget_execution') }}
