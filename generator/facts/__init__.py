"""The facts model, declared once: field types, editorial records and the facts schema.

In: nothing of ours (pydantic types). Out: the typed, frozen models every later stage reads.
"""
