{{ config(alias='绩效指标') }}

{{ cn_view('fct_performance_indicator') }}
