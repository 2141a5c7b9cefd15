{{ config(alias='国有资产') }}

{{ cn_view('fct_assets') }}
