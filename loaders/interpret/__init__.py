"""Interpreters: one per table kind, each turning a recognised table into staging rows."""
