{{ config(alias='支出决算') }}

{{ cn_view('fct_expense') }}
