{{ config(alias='对账结果') }}

{{ cn_view('rpt_reconciliation') }}
