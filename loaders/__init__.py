"""Loaders for 决算公开 (final-account disclosure) documents into DuckDB staging."""

__version__ = "0.1.0"
