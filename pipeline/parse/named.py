"""The national minorities and the towns and municipalities an activity's text names, by the
inflected forms of their names; a language ("krievu valodā") and a planning region ("Rīgas
reģions") are not them.
"""

from __future__ import annotations

import re

from pipeline.model import Mention
from pipeline.parse.text import SourcedText, SourceFile

# National minorities by the inflected forms of their adjective ("poļu", "romiem").
# A form followed by "valoda"/"val." names a language ("krievu valodā"), not the people.
MINORITIES: tuple[tuple[str, str], ...] = (
    ("polish", r"poļ(?:u|i|iem)"),
    ("russian", r"krievu|krievi|krieviem"),
    ("belarusian", r"baltkrievu|baltkrievi|baltkrieviem"),
    ("ukrainian", r"ukraiņu|ukrainu|ukraiņi|ukraiņiem"),
    ("jewish", r"ebreju|ebreji|ebrejiem"),
    ("roma", r"romu|romi|romiem|čigānu"),
    ("lithuanian", r"lietuviešu|lietuvieši"),
    ("estonian", r"igauņu|igauņi"),
    ("german", r"vācu|vācieši|vāciešu"),
    ("tatar", r"tatāru|tatāri"),
    ("armenian", r"armēņu|armēņi"),
    ("azerbaijani", r"azerbaidžāņu|azerbaidžāņi"),
    ("georgian", r"gruzīnu|gruzīni"),
    ("moldovan", r"moldāvu|moldāvi"),
)
_LANGUAGE_AFTER = re.compile(r"\s*(?:valod|val\.)", re.I)


def find_minorities(text: SourcedText, source: SourceFile) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for key, forms in MINORITIES:
        for m in re.finditer(
            rf"(?<![\wāčēģīķļņšūž])(?:{forms})(?![\wāčēģīķļņšūž])", text.text, re.I
        ):
            if _LANGUAGE_AFTER.match(text.text, m.end()):
                continue
            piece = text[m.start() : m.end()]
            found.append(Mention(key, "minority", piece.text, source.span_of(piece)))
    return tuple(sorted(found, key=lambda x: x.span.start))


# Towns and municipalities: key, name (nominative, genitive), the stem and its case endings.
# The genitive names the municipality ("Rēzeknes novads"); a place without a nominative is
# only ever a municipality ("Augšdaugavas novads").
PLACES: tuple[tuple[str, str, str, str], ...] = (
    ("daugavpils", "Daugavpils", "Daugavpils", r"Daugavpil(?:s|ī)"),
    ("rezekne", "Rēzekne", "Rēzeknes", r"Rēzekn(?:e|es|ē)"),
    ("livani", "Līvāni", "Līvānu", r"Līvān(?:i|u|os)"),
    ("ludza", "Ludza", "Ludzas", r"Ludz(?:a|as|ā)"),
    ("balvi", "Balvi", "Balvu", r"Balv(?:i|u|os)"),
    ("augsdaugava", "", "Augšdaugavas", r"Augšdaugavas"),
    ("preili", "Preiļi", "Preiļu", r"Preiļ(?:i|u|os)"),
    ("kraslava", "Krāslava", "Krāslavas", r"Krāslav(?:a|as|ā)"),
    ("riga", "Rīga", "Rīgas", r"Rīg(?:a|as|ā)"),
    ("bauska", "Bauska", "Bauskas", r"Bausk(?:a|as|ā)"),
    ("auce", "Auce", "Auces", r"Auc(?:e|es|ē)|AUCĒ"),
    ("dobele", "Dobele", "Dobeles", r"Dobel(?:e|es|ē)"),
    ("jelgava", "Jelgava", "Jelgavas", r"Jelgav(?:a|as|ā)"),
    ("ventspils", "Ventspils", "Ventspils", r"Ventspil(?:s|ī)"),
    ("liepaja", "Liepāja", "Liepājas", r"Liepāj(?:a|as|ā)"),
    ("talsi", "Talsi", "Talsu", r"Tals(?:i|u|os)"),
    ("sabile", "Sabile", "Sabiles", r"Sabil(?:e|es|ē)"),
    ("tukums", "Tukums", "Tukuma", r"Tukum(?:s|a|ā)"),
    ("dagda", "Dagda", "Dagdas", r"Dagd(?:a|as|ā)"),
    ("vilaka", "Viļaka", "Viļakas", r"Viļak(?:a|as|ā)"),
    ("luznava", "Lūznava", "Lūznavas", r"Lūznav(?:a|as|ā)"),
    ("vecumnieki", "Vecumnieki", "Vecumnieku", r"Vecumniek(?:i|u|os)"),
    ("ziguri", "Žīguri", "Žīguru", r"Ž[iī]gur(?:i|u|os)"),
    ("kuldiga", "Kuldīga", "Kuldīgas", r"Kuldīg(?:a|as|ā)"),
    ("saldus", "Saldus", "Saldus", r"Sald(?:us|ū)"),
    ("jekabpils", "Jēkabpils", "Jēkabpils", r"Jēkabpil(?:s|ī)"),
    ("aizkraukle", "Aizkraukle", "Aizkraukles", r"Aizkraukl(?:e|es|ē)"),
    ("valmiera", "Valmiera", "Valmieras", r"Valmier(?:a|as|ā)"),
    ("cesis", "Cēsis", "Cēsu", r"Cēs(?:is|u|īs)"),
    ("jurmala", "Jūrmala", "Jūrmalas", r"Jūrmal(?:a|as|ā)"),
    ("ogre", "Ogre", "Ogres", r"Ogr(?:e|es|ē)"),
)
_REGION_AFTER = re.compile(r"\s+(?:plānošanas\s+)?reģion", re.I)
_MUNICIPALITY_AFTER = re.compile(r"\s+novad", re.I)


def find_places(text: SourcedText, source: SourceFile) -> tuple[Mention, ...]:
    found: list[Mention] = []
    for key, name, genitive, forms in PLACES:
        for m in re.finditer(rf"(?<![\wāčēģīķļņšūž])(?:{forms})(?![\wāčēģīķļņšūž])", text.text):
            if _REGION_AFTER.match(text.text, m.end()):
                continue  # "Rīgas reģions" is the planning region
            kind = "municipality" if _MUNICIPALITY_AFTER.match(text.text, m.end()) else "city"
            piece = text[m.start() : m.end()]
            # The kind stays what the text says, as it makes the IRI, which must not change.
            named = name if kind == "city" and name else f"{genitive} novads"
            found.append(Mention(key, kind, piece.text, source.span_of(piece), named))
    return tuple(sorted(found, key=lambda x: x.span.start))
