{{ config(alias='三公经费') }}

{{ cn_view('fct_three_public') }}
