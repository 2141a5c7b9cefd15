{{ config(alias='单位年度概览') }}

{{ cn_view('mart_unit_year') }}
