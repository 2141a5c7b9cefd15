{{ config(alias='支出经济分类科目') }}

{{ cn_view('dim_econ_class') }}
