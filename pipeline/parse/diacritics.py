"""Latvian letters with and without their diacritics, for comparing a label or a heading.

Some typists write Latvian without its diacritics ("Valsts parvaldes uzdevuma veicejs:",
"I ISTENOSANAS GADS"): a keyboard without the Latvian layout, a form filled in on a phone,
an old system that kept ASCII only. A reader takes "veicejs" for "veicējs". So the words a
label or a heading is known by accept each of their letters in either form; nothing else
is folded, and the text is never rewritten: its values stay as written.
"""

from __future__ import annotations

_MARKED = "āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
_PLAIN = "acegiklnsuzACEGIKLNSUZ"
_FOLD = str.maketrans(_MARKED, _PLAIN)
_BASE = dict(zip(_MARKED, _PLAIN, strict=True))


def fold(text: str) -> str:
    """`text` with its Latvian letters' diacritics dropped ("Īstenotājs" -> "Istenotajs"),
    each letter for one letter: an offset in the result is the same in `text`."""
    return text.translate(_FOLD)


def either_form(pattern: str) -> str:
    """A regular expression `pattern` whose Latvian letters each also match their letter
    without diacritics: "veicējs" matches "veicejs" as well (and "VEICEJS" where the
    pattern ignores case). A letter inside a character class joins the class; one in a
    negated class ("[^ā]") or at a range's end ("ā-ž") is left as it is, where a base
    letter would change what the class matches."""
    out: list[str] = []
    in_class = negated = False
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            if c == "]" and not _opens_class(pattern, i):
                in_class = False
                out.append(c)
            elif c in _BASE and not negated and not _in_range(pattern, i):
                out.append(c + _BASE[c])
            else:
                out.append(c)
        elif c == "[":
            in_class, negated = True, pattern.startswith("^", i + 1)
            out.append(c)
        elif c in _BASE:
            out.append(f"[{c}{_BASE[c]}]")
        else:
            out.append(c)
        i += 1
    return "".join(out)


def _opens_class(pattern: str, i: int) -> bool:
    """Whether the "]" at `i` is a class's first member ("[]…]", "[^]…]"), not its end."""
    return pattern[i - 1] == "[" or (pattern[i - 1] == "^" and pattern[i - 2] == "[")


def _in_range(pattern: str, i: int) -> bool:
    """Whether the class member at `i` is one end of a range ("a-ž", "ā-z")."""
    after = pattern[i + 1 : i + 3]
    return (len(after) == 2 and after[0] == "-" and after[1] != "]") or (
        i >= 2 and pattern[i - 1] == "-" and pattern[i - 2] not in "[\\"
    )
