"""What travels with the pages: addresses, JSON-LD, head tags, share cards and Atom feeds.

In: the corpus and its story views. Out: structured data, ``<head>`` tags, PNG share cards and
feeds, each keyed by the page or file it belongs to.
"""
