"""The gazetteer of towns and municipalities an activity's text may name, with the case forms
of each name.

Source: Administratīvo teritoriju un apdzīvoto vietu likums (Saeima, 10.06.2020; the
administrative-territorial reform in force from 01.07.2021), its annex of administrative
territories, their centres and towns, https://likumi.lv/ta/id/315654: the 7 state cities with
local governments of their own (Daugavpils, Jelgava, Jūrmala, Liepāja, Rēzekne, Rīga,
Ventspils) and the 36 municipalities (novadi, with Varakļānu novads restored in 2021), each
with its administrative centre and its towns. The centres of former municipalities that the
reports name as places of events (Aglona, Riebiņi, Lūznava, …) are listed too.

A name is written as its nominative and genitive; its case forms follow from how the
nominative ends (its declension): "Sigulda" gives "Siguldas", "Siguldai", "Siguldu", "Siguldā";
"Limbaži" gives "Limbažu", "Limbažiem", "Limbažus", "Limbažos"; "Salaspils" gives "Salaspilī".
A name that is also a common word at a sentence's start ("Baloži": pigeons) is left out.
"""

from __future__ import annotations

# How a nominative's ending declines: (ending, the endings of nom., gen., dat., acc., loc.).
# The longer endings come first: "Daugavpils" is "-pils", not "-s".
_DECLENSIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("pils", ("s", "ij", "i", "ī")),  # 6th: Salaspils, Salaspilij, Salaspili, Salaspilī
    ("us", ("us", "um", "ū")),  # 3rd: Saldus, Saldum, Saldū
    ("is", ("is", "u", "īm", "īs")),  # 6th plural: Cēsis, Cēsu, Cēsīm, Cēsīs
    ("as", ("as", "u", "ām", "ās")),  # 4th plural: Pļaviņas, Pļaviņu, Pļaviņām, Pļaviņās
    ("i", ("i", "u", "iem", "us", "os")),  # 1st/2nd plural: Limbaži, Limbažu, Limbažos
    ("s", ("s", "a", "am", "u", "ā")),  # 1st: Tukums, Tukuma, Tukumam, Tukumu, Tukumā
    ("a", ("a", "as", "ai", "u", "ā")),  # 4th: Sigulda, Siguldas, Siguldai, Siguldu, Siguldā
    ("e", ("e", "es", "ei", "i", "ē")),  # 5th: Olaine, Olaines, Olainei, Olaini, Olainē
)

# key, nominative, genitive ("" nominative: only a municipality has the name)
_NAMES: tuple[tuple[str, str, str], ...] = (
    # the state cities with local governments of their own
    ("daugavpils", "Daugavpils", "Daugavpils"),
    ("jelgava", "Jelgava", "Jelgavas"),
    ("jurmala", "Jūrmala", "Jūrmalas"),
    ("liepaja", "Liepāja", "Liepājas"),
    ("rezekne", "Rēzekne", "Rēzeknes"),
    ("riga", "Rīga", "Rīgas"),
    ("ventspils", "Ventspils", "Ventspils"),
    # the municipalities' centres and towns, municipality by municipality
    ("adazi", "Ādaži", "Ādažu"),
    ("aizkraukle", "Aizkraukle", "Aizkraukles"),
    ("jaunjelgava", "Jaunjelgava", "Jaunjelgavas"),
    ("plavinas", "Pļaviņas", "Pļaviņu"),
    ("aluksne", "Alūksne", "Alūksnes"),
    ("augsdaugava", "", "Augšdaugavas"),
    ("ilukste", "Ilūkste", "Ilūkstes"),
    ("subate", "Subate", "Subates"),
    ("balvi", "Balvi", "Balvu"),
    ("vilaka", "Viļaka", "Viļakas"),
    ("bauska", "Bauska", "Bauskas"),
    ("iecava", "Iecava", "Iecavas"),
    ("cesis", "Cēsis", "Cēsu"),
    ("ligatne", "Līgatne", "Līgatnes"),
    ("dienvidkurzeme", "", "Dienvidkurzemes"),
    ("grobina", "Grobiņa", "Grobiņas"),
    ("aizpute", "Aizpute", "Aizputes"),
    ("durbe", "Durbe", "Durbes"),
    ("pavilosta", "Pāvilosta", "Pāvilostas"),
    ("priekule", "Priekule", "Priekules"),
    ("dobele", "Dobele", "Dobeles"),
    ("auce", "Auce", "Auces"),
    ("gulbene", "Gulbene", "Gulbenes"),
    ("jekabpils", "Jēkabpils", "Jēkabpils"),
    ("akniste", "Aknīste", "Aknīstes"),
    ("viesite", "Viesīte", "Viesītes"),
    ("kalnciems", "Kalnciems", "Kalnciema"),  # in Jelgavas novads
    ("kraslava", "Krāslava", "Krāslavas"),
    ("dagda", "Dagda", "Dagdas"),
    ("kuldiga", "Kuldīga", "Kuldīgas"),
    ("skrunda", "Skrunda", "Skrundas"),
    ("kekava", "Ķekava", "Ķekavas"),
    ("baldone", "Baldone", "Baldones"),
    ("limbazi", "Limbaži", "Limbažu"),
    ("ainazi", "Ainaži", "Ainažu"),
    ("aloja", "Aloja", "Alojas"),
    ("salacgriva", "Salacgrīva", "Salacgrīvas"),
    ("staicele", "Staicele", "Staiceles"),
    ("livani", "Līvāni", "Līvānu"),
    ("ludza", "Ludza", "Ludzas"),
    ("karsava", "Kārsava", "Kārsavas"),
    ("zilupe", "Zilupe", "Zilupes"),
    ("madona", "Madona", "Madonas"),
    ("cesvaine", "Cesvaine", "Cesvaines"),
    ("lubana", "Lubāna", "Lubānas"),
    ("marupe", "Mārupe", "Mārupes"),
    ("ogre", "Ogre", "Ogres"),
    ("ikskile", "Ikšķile", "Ikšķiles"),
    ("kegums", "Ķegums", "Ķeguma"),
    ("lielvarde", "Lielvārde", "Lielvārdes"),
    ("olaine", "Olaine", "Olaines"),
    ("preili", "Preiļi", "Preiļu"),
    ("ropazi", "Ropaži", "Ropažu"),
    ("ulbroka", "Ulbroka", "Ulbrokas"),
    ("vangazi", "Vangaži", "Vangažu"),
    ("salaspils", "Salaspils", "Salaspils"),
    ("saldus", "Saldus", "Saldus"),
    ("broceni", "Brocēni", "Brocēnu"),
    ("saulkrasti", "Saulkrasti", "Saulkrastu"),
    ("sigulda", "Sigulda", "Siguldas"),
    ("smiltene", "Smiltene", "Smiltenes"),
    ("ape", "Ape", "Apes"),
    ("talsi", "Talsi", "Talsu"),
    ("sabile", "Sabile", "Sabiles"),
    ("stende", "Stende", "Stendes"),
    ("valdemarpils", "Valdemārpils", "Valdemārpils"),
    ("tukums", "Tukums", "Tukuma"),
    ("kandava", "Kandava", "Kandavas"),
    ("valka", "Valka", "Valkas"),
    ("valmiera", "Valmiera", "Valmieras"),
    ("mazsalaca", "Mazsalaca", "Mazsalacas"),
    ("rujiena", "Rūjiena", "Rūjienas"),
    ("seda", "Seda", "Sedas"),
    ("strenci", "Strenči", "Strenču"),
    ("varaklani", "Varakļāni", "Varakļānu"),
    ("vilani", "Viļāni", "Viļānu"),  # in Rēzeknes novads
    ("piltene", "Piltene", "Piltenes"),  # in Ventspils novads
    # places the reports name that are no town: villages, former municipalities' centres
    ("tervete", "Tērvete", "Tērvetes"),
    ("aglona", "Aglona", "Aglonas"),
    ("riebini", "Riebiņi", "Riebiņu"),
    ("vecumnieki", "Vecumnieki", "Vecumnieku"),
    ("koknese", "Koknese", "Kokneses"),
    ("luznava", "Lūznava", "Lūznavas"),
    ("ziguri", "Žīguri", "Žīguru"),
)


def _forms(nominative: str, genitive: str) -> str:
    """The pattern of every case form of a name, as a regular expression's alternatives."""
    if not nominative:
        return genitive
    for ending, endings in _DECLENSIONS:
        if nominative.endswith(ending):
            stem = nominative[: len(nominative) - len(ending)]
            if ending == "pils":
                stem += "pil"
            alternatives = sorted(
                {stem + e for e in endings} | {genitive}, key=lambda f: (-len(f), f)
            )
            return "|".join(alternatives)
    return nominative


# Forms the declension does not give: a locative in capitals as a title writes it, a name
# as reports misspell it.
_MORE_FORMS = {"auce": "AUCĒ", "ziguri": "Žigur(?:i|u|iem|us|os)"}

#: key, nominative, genitive, the pattern of its case forms
PLACES: tuple[tuple[str, str, str, str], ...] = tuple(
    (
        key,
        nominative,
        genitive,
        "|".join(f for f in (_forms(nominative, genitive), _MORE_FORMS.get(key)) if f),
    )
    for key, nominative, genitive in _NAMES
)
