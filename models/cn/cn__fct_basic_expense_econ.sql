{{ config(alias='基本支出经济分类') }}

{{ cn_view('fct_basic_expense_econ') }}
