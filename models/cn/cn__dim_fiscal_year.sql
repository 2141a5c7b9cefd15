{{ config(alias='年度') }}

{{ cn_view('dim_fiscal_year') }}
