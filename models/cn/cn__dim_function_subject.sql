{{ config(alias='支出功能分类科目') }}

{{ cn_view('dim_function_subject') }}
