{{ config(alias='收支总表') }}

{{ cn_view('fct_fiscal_grant') }}
