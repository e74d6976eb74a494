"""eventwire plot: dyad timelines drawn to image files with matplotlib (Agg)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import cli
from eventwire.errors import ConfigError
from eventwire.plot import plot_dyad
from eventwire.store import Store

from .serve.stories import build_store


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    return build_store(tmp_path_factory.mktemp("plot") / "stories.duckdb")


@pytest.mark.parametrize(("freq", "suffix", "magic"), [("day", ".png", b"\x89PNG"), ("week", ".svg", b"<?xml"),
                                                       ("month", ".pdf", b"%PDF")])
def test_plot_dyad_writes_the_chart(db: str, tmp_path: Path, freq: str, suffix: str, magic: bytes) -> None:
    with Store(db, read_only=True) as store:
        path = plot_dyad(store, "RUS", "UKR", tmp_path / f"dyad{suffix}", since="2021-11-22", freq=freq)
    assert path.read_bytes().startswith(magic)


def test_the_png_has_the_figure_size(db: str, tmp_path: Path) -> None:
    import matplotlib.image

    with Store(db, read_only=True) as store:
        path = plot_dyad(store, "RUS", "USA", tmp_path / "d.png")
    height, width = matplotlib.image.imread(path).shape[:2]
    assert (width, height) == (900, 420)


def test_no_events_is_an_error_not_an_empty_chart(db: str, tmp_path: Path) -> None:
    with Store(db, read_only=True) as store, pytest.raises(ConfigError, match="no events between FRA and DEU"):
        plot_dyad(store, "FRA", "DEU", tmp_path / "none.png", since="2021-12-01", until="2021-12-31")
    assert not (tmp_path / "none.png").exists()


def test_the_cli_plots(db: str, tmp_path: Path) -> None:
    out = tmp_path / "cli.png"
    result = CliRunner().invoke(cli, ["plot", "dyad", "RUS", "UKR", "--db", db, "--since", "2021-11-22",
                                      "--freq", "week", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"\x89PNG")
