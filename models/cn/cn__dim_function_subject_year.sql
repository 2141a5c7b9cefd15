{{ config(alias='支出功能分类科目年度名称') }}

{{ cn_view('dim_function_subject_year') }}
