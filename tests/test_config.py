"""Settings: one documented table, environment overrides, clear errors."""

from dataclasses import fields

import pytest

from eventwire.config import SETTINGS, Settings, settings_from_env
from eventwire.errors import ConfigError


def test_table_and_fields_agree() -> None:
    assert [s.name for s in SETTINGS] == [f.name for f in fields(Settings)]
    for s in SETTINGS:
        assert s.help, f"setting {s.name} is undocumented"
        assert getattr(Settings(), s.name) == s.default


def test_environment_then_overrides() -> None:
    env = {"EVENTWIRE_KEEP_STATEMENTS": "true", "EVENTWIRE_BATCH_SIZE": "8", "EVENTWIRE_MODEL": "xx_pipe"}
    s = settings_from_env(env, model="en_other")
    assert s.keep_statements is True and s.batch_size == 8 and s.model == "en_other"


def test_none_override_keeps_the_value() -> None:
    assert settings_from_env({"EVENTWIRE_BATCH_SIZE": "8"}, batch_size=None).batch_size == 8


@pytest.mark.parametrize("env", [{"EVENTWIRE_BATCH_SIZE": "many"}, {"EVENTWIRE_KEEP_STATEMENTS": "perhaps"}])
def test_bad_environment_value_names_the_variable(env: dict[str, str]) -> None:
    with pytest.raises(ConfigError, match="EVENTWIRE_"):
        settings_from_env(env)


def test_unknown_override_is_refused() -> None:
    with pytest.raises(ConfigError, match="colour"):
        Settings().with_(colour="red")
