{{ config(alias='政府采购') }}

{{ cn_view('fct_procurement') }}
