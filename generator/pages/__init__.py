"""Rendering pages: the resolved corpus into Markdown pages, one per page type.

In: a :class:`~generator.corpus.Corpus`. Out: ``{page path: Markdown}`` (through the page
templates in ``generator/templates/``), the navigation and the facts reference page.
"""
