"""Reading content from disk: articles into sentences, facts files and front matter into models.

In: a content folder (Markdown articles, ``story.yml``, ``facts.yml``). Out: parsed
:class:`~generator.reading.article.Article` objects and loaded facts, with YAML positions kept.
"""
