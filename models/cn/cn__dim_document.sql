{{ config(alias='决算公开文档') }}

{{ cn_view('dim_document') }}
