"""The dates a query names. Pure.

`spans`: `Period` (a span of days) and the calendar arithmetic the two readings share; `relative`: dates said
relative to the chat's today (今天, 上周二, 去年6月, 最近一周); `absolute`: dates typed out (4月6日, 2023-04-06,
2023年, 4月4日至6日, April 4) and the ones no calendar has (2月30日).
"""
