{{ config(alias='情况说明数据') }}

{{ cn_view('fct_statement') }}
