{{ config(alias='单位') }}

{{ cn_view('dim_unit') }}
