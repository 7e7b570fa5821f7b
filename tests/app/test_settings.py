"""Settings: defaults, the TOML config file, environment overrides and the home's resolution."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from app.settings import DEFAULT_PSEUDONYMIZED, load_settings, resolve_config, resolve_home


@pytest.fixture(autouse=True)
def _no_home_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRIVRAG_HOME", raising=False)
    monkeypatch.delenv("PRIVRAG_CONFIG", raising=False)


def test_defaults_without_a_config_file(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert settings.home == tmp_path.resolve()
    assert settings.retrieval.top_k == 4
    assert settings.retrieval.mode == "hybrid"
    assert settings.retrieval.min_score == pytest.approx(0.15)
    assert settings.llm.backend == "llama_cpp"
    assert settings.llm.max_tokens == 384
    assert settings.store.backend == "edge"
    assert settings.anonymize.enabled is True
    assert settings.anonymize.pseudonymize == DEFAULT_PSEUDONYMIZED
    assert {".txt", ".md", ".pdf", ".docx", ".html", ".csv", ".json", ".jsonl", ".eml"} <= set(
        settings.ingest.extensions
    )
    assert settings.db_url == f"sqlite:///{tmp_path.resolve() / 'privrag.db'}"
    assert settings.store_path == tmp_path.resolve() / "store"


def test_config_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "privrag.toml").write_text(
        "[retrieval]\ntop_k = 7\nmin_score = 0.3\n\n[llm]\nmax_tokens = 99\n\n[service]\nport = 9123\n"
    )
    settings = load_settings(tmp_path)
    assert settings.retrieval.top_k == 7
    assert settings.retrieval.min_score == pytest.approx(0.3)
    assert settings.retrieval.mode == "hybrid"  # untouched keys keep their defaults
    assert settings.llm.max_tokens == 99
    assert settings.service.port == 9123


def test_explicit_config_path_wins_over_the_home_file(tmp_path: Path) -> None:
    (tmp_path / "privrag.toml").write_text("[retrieval]\ntop_k = 7\n")
    other = tmp_path / "other.toml"
    other.write_text("[retrieval]\ntop_k = 5\n")
    assert load_settings(tmp_path, other).retrieval.top_k == 5


def test_environment_overrides_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "privrag.toml").write_text("[retrieval]\ntop_k = 7\nmin_score = 0.3\n")
    monkeypatch.setenv("PRIVRAG_RETRIEVAL__TOP_K", "9")
    monkeypatch.setenv("PRIVRAG_LLM__MODEL_PATH", "/models/x.gguf")
    settings = load_settings(tmp_path)
    assert settings.retrieval.top_k == 9
    assert settings.retrieval.min_score == pytest.approx(0.3)  # the file's other keys still apply
    assert settings.llm.model_path == "/models/x.gguf"


def test_invalid_value_is_rejected(tmp_path: Path) -> None:
    (tmp_path / "privrag.toml").write_text('[store]\nbackend = "nope"\n')
    with pytest.raises(ValueError, match="backend"):
        load_settings(tmp_path)


def test_resolve_home_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_home() == tmp_path.resolve() / ".privrag"
    monkeypatch.setenv("PRIVRAG_HOME", str(tmp_path / "from-env"))
    assert resolve_home() == tmp_path.resolve() / "from-env"
    assert resolve_home(tmp_path / "from-arg") == tmp_path.resolve() / "from-arg"
    assert resolve_home("relative") == tmp_path.resolve() / "relative"  # always absolute


def test_resolve_config_precedence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert resolve_config(tmp_path) == tmp_path / "privrag.toml"
    monkeypatch.setenv("PRIVRAG_CONFIG", str(tmp_path / "env.toml"))
    assert resolve_config(tmp_path) == tmp_path / "env.toml"
    assert resolve_config(tmp_path, tmp_path / "arg.toml") == tmp_path / "arg.toml"


def test_home_from_environment_is_used_by_load_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = tmp_path / "envhome"
    home.mkdir()
    (home / "privrag.toml").write_text("[retrieval]\ntop_k = 6\n")
    monkeypatch.setenv("PRIVRAG_HOME", str(home))
    settings = load_settings()
    assert settings.home == home.resolve()
    assert settings.retrieval.top_k == 6


def test_keys_and_passwords_are_secret_values_never_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "privrag.toml").write_text(
        '[llm]\napi_key = "llm-key-from-file"\n\n[store]\napi_key = "qdrant-key-from-file"\n\n'
        '[auth]\nldap_bind_password = "bind-password-from-file"\n'
    )
    monkeypatch.setenv("PRIVRAG_METRICS__TOKEN", "scrape-token-from-env")
    settings = load_settings(tmp_path)
    secrets = [
        (settings.llm.api_key, "llm-key-from-file"),
        (settings.store.api_key, "qdrant-key-from-file"),
        (settings.auth.ldap_bind_password, "bind-password-from-file"),
        (settings.metrics.token, "scrape-token-from-env"),
    ]
    assert all(secret.get_secret_value() == value for secret, value in secrets)
    logging.getLogger("privrag.test").warning("settings: %s %r", settings, settings)
    shown = [str(settings), repr(settings), settings.model_dump_json(), caplog.text]
    assert not [value for _, value in secrets for text in shown if value in text]
    assert load_settings(tmp_path / "empty").llm.api_key.get_secret_value() == ""


def test_the_directory_config_keeps_the_bind_password_out_of_its_repr(tmp_path: Path) -> None:
    from app.directory import DirectoryConfig

    (tmp_path / "privrag.toml").write_text('[auth]\nldap_url = "ldap://x"\nldap_bind_password = "pw-1"\n')
    config = DirectoryConfig.from_settings(load_settings(tmp_path).auth)
    assert config.bind_password == "pw-1" and "pw-1" not in repr(config)
