"""Checking what was read: quotes, claims, dates, references, support, corrections, currency.

In: the articles and facts the reading stage loaded. Out: diagnostics (file, line, stable code)
and the checked claims the corpus resolves; nothing here reads the disk or renders.
"""
