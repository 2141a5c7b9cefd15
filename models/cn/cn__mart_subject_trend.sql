{{ config(alias='科目趋势') }}

{{ cn_view('mart_subject_trend') }}
