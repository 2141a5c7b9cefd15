{{ config(alias='绩效自评') }}

{{ cn_view('fct_project_evaluation') }}
