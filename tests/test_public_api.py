"""The public surface is small and deliberate: everything in __all__ exists, nothing else is promised."""

import eventwire


def test_all_names_exist() -> None:
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name


def test_public_functions_have_docstrings() -> None:
    for name in eventwire.__all__:
        obj = getattr(eventwire, name)
        if callable(obj):
            assert obj.__doc__, f"{name} has no docstring"


def test_errors_share_one_root() -> None:
    for name in ("InputError", "InputTooLargeError", "ModelError", "KnowledgeError", "ConfigError", "StoreError"):
        assert issubclass(getattr(eventwire, name), eventwire.EventwireError)
