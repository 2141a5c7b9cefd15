"""Chinese labels of the warehouse's English keys, shared by the exports and the report."""

INCOME_SOURCES = {
    "fiscal_grant": "财政拨款收入",
    "superior_subsidy": "上级补助收入",
    "business": "事业收入",
    "operating": "经营收入",
    "affiliate_remittance": "附属单位上缴收入",
    "other": "其他收入",
}
EXPENSE_COLUMNS = {
    "total": "本年支出合计",
    "basic": "基本支出",
    "project": "项目支出",
    "remit_to_superior": "上缴上级支出",
    "operating": "经营支出",
    "subsidy_to_affiliates": "对附属单位补助支出",
    "carryover_begin": "年初结转和结余",
    "income": "本年收入",
    "carryover_end": "年末结转和结余",
}
TOTALS_COLUMNS = {
    "amount": "金额",
    "total": "小计",
    "general_public_budget": "一般公共预算财政拨款",
    "government_fund": "政府性基金预算财政拨款",
    "state_capital": "国有资本经营预算财政拨款",
}
THREE_PUBLIC_ITEMS = {
    "total": "合计",
    "abroad": "因公出国（境）费",
    "vehicle_subtotal": "公务用车购置及运行费小计",
    "vehicle_purchase": "公务用车购置费",
    "vehicle_operation": "公务用车运行费",
    "reception": "公务接待费",
}
