"""Short wire-style stories written for these tests, dated over four weeks so timelines have shape.

The plot: Russia and Ukraine trade blows, then talk of a ceasefire; the United States and Russia talk,
then trade threats; NATO enters the picture only on the last day (a new dyad). The brief day is DAY.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

DAY = dt.date(2021, 12, 22)

STORIES: tuple[tuple[str, str, str], ...] = (
    ("2021-11-24", "Russia accuses Ukraine of provocations",
     "MOSCOW (Wire) - Russia accused Ukraine on Wednesday of provoking tensions near the border. "
     "\"We will defend our people,\" Russian Foreign Minister Sergey Lavrov told reporters."),
    ("2021-12-01", "Ukraine condemns Russian troop build-up",
     "KYIV (Wire) - Ukraine accused Russia on Wednesday of massing troops near the border. "
     "Ukrainian President Volodymyr Zelensky said Kyiv wanted peace."),
    ("2021-12-15", "US and Russia agree to talks in Geneva",
     "WASHINGTON (Wire) - The United States and Russia agreed on Wednesday to hold talks in Geneva. "
     "\"Diplomacy is the only way forward,\" President Joe Biden said after meeting Vladimir Putin."),
    ("2021-12-16", "Russian forces shell Ukrainian positions",
     "KYIV (Wire) - Russian forces shelled Ukrainian positions in the east on Thursday, the Ukrainian "
     "military said. Ukraine urged NATO to send more weapons."),
    ("2021-12-17", "Blinken and Lavrov meet in Stockholm",
     "STOCKHOLM (Wire) - US Secretary of State Antony Blinken met Russian Foreign Minister Sergey Lavrov "
     "in Stockholm on Friday."),
    ("2021-12-22", "NATO criticises Russia as Washington warns Moscow",
     "BRUSSELS (Wire) - NATO criticised Russia on Wednesday for massing troops near Ukraine. "
     "Washington warned Moscow against an invasion. Russia and Ukraine agreed to a ceasefire. "
     "\"Any attack will carry a heavy price,\" NATO Secretary General Jens Stoltenberg said."),
)


def build_store(path: str | Path) -> str:
    """Code STORIES into a new store file at ``path`` and return the path."""
    import eventwire

    with eventwire.Store(path) as store:
        for published, title, text in STORIES:
            store.add(eventwire.code_text(text, published=published, title=title))
    return str(path)
