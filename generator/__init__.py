"""Explainer-site generator: news article + curated facts -> cited explainer pages."""

__version__ = "0.1.0"
