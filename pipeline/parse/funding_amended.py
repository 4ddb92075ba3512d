"""A plan an amendment superseded: "Sākotnēji plānots 45 000,00 euro; pēc grozījumiem līgumā
plānots 50 000,00 euro". The original figure is not the plan in force, so it is never
compared with the year's lines or spending.
"""

from __future__ import annotations

import re

from pipeline.parse.latvian import LETTER

# "sākotnēji" (originally), "sākotnējais plāns", "pirms grozījumiem" (before the amendment)
_ORIGINAL = re.compile(
    rf"(?<![{LETTER}])(?:sākotnēj[{LETTER}]*|pirms\s+(?:līguma\s+)?grozījum[{LETTER}]*)",
    re.I,
)
# Words that make what follows them the amended figure ("sākotnējais plāns grozīts: …").
_AMENDED = re.compile(
    rf"(?<![{LETTER}])(?:grozī|pēc(?![{LETTER}])|precizē|palielinā|samazinā|mainī)", re.I
)


def original_plan(lead: str) -> bool:
    """Whether the words before an amount name it the original figure an amendment replaced:
    a marker of the original, and no word of the amendment after it."""
    markers = list(_ORIGINAL.finditer(lead))
    return bool(markers) and _AMENDED.search(lead, markers[-1].end()) is None
