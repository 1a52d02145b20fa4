"""The edges to site engines: the MkDocs plugin and the project folder any engine builds.

In: the pages and files of :func:`generator.pipeline.build`. Out: MkDocs files, nav and HTML
hooks (the only code that imports ``mkdocs``), or a complete project written to a folder.
"""
