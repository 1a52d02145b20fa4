"""Draft a facts file from an article: entities, roles, time expressions, quotes and events.

The parts are separate and each testable on its own: the gazetteer (what names mean), the NLP
pipeline (spaCy with an EntityRuler fed from the gazetteer), entity mentions and linking, roles,
time expressions, quote attribution, and the draft builder and merger. The NLP stack is an optional
extra (``pip install ".[extract]"``); nothing else in the generator imports it.
"""
