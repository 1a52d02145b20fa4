"""The story's facts as JSON: every field of the facts file, checked, in the facts schema's shape.

The file validates against the JSON Schema that ``explainer schema`` prints, and reads back into
the same facts. Every field is written, those left at their default too, so a program reading it
needs no defaults of its own; sentence references stay as the facts file writes them (``p3s1``).
"""

from __future__ import annotations

import json

from generator.corpus import Story


def facts_json(story: Story) -> str:
    """The story's facts as JSON text: keys sorted, two-space indents, one final line break."""
    # The sources' discriminator tells a sentence from an outside source in a facts file's
    # YAML, not in a loaded model; pydantic then tries each kind in turn, which is right, and
    # warns that it had to.
    facts = story.facts.model_dump(mode="json", warnings=False)
    return json.dumps(facts, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
