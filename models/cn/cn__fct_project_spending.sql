{{ config(alias='项目支出') }}

{{ cn_view('fct_project_spending') }}
