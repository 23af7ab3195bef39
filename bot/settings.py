"""newsbot's one settings object, read from the environment and from a ``.env`` file.

Every variable is optional: with nothing configured the database is ``./data/newsbot.db`` and the
seeds are read from ``./seeds``.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AliasChoices, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, DotEnvSettingsSource, NoDecode, SettingsConfigDict

from storage.database.postgres import is_postgres_url
from storage.records.sources import MIN_INTERVAL

LogLevel = Literal["DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"]


_INTERVAL = re.compile(
    r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|secs|m|min|mins|h|hr|hrs|d|day|days|秒|分钟?|小时|天)?\s*$", re.I
)
_UNITS = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "秒": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "分": 60,
    "分钟": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "小时": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "天": 86400,
}


# The longest interval between two checks for due digests or sources (seconds).
MAX_CHECK_SECONDS = 3600


class IntervalError(ValueError):
    """An interval that cannot be read or is shorter than a minute."""


def parse_interval(text: str) -> timedelta:
    """``30m``, ``1h``, ``90s``, ``2d``, ``45`` (minutes) → a timedelta of at least a minute."""
    match = _INTERVAL.match(str(text))
    if not match:
        raise IntervalError(f"cannot read {text!r} as an interval; use e.g. 30m, 1h, 90s")
    value = float(match.group(1))
    unit = (match.group(2) or "m").lower()
    interval = timedelta(seconds=value * _UNITS[unit])
    if interval < MIN_INTERVAL:
        raise IntervalError(f"{text!r} is shorter than the minimum interval of 1 minute")
    return interval


class SettingsError(Exception):
    """Settings with a bad value; the message names the variable."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="NEWSBOT_",
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        validate_default=True,
    )

    # --- storage ---
    db: Path = Path("data/newsbot.db")  # NEWSBOT_DB
    # NEWSBOT_DATABASE_URL: postgresql://USER:PASSWORD@HOST:PORT/DB keeps everything in PostgreSQL instead of
    # the SQLite file NEWSBOT_DB; a secret (its password never prints).
    database_url: SecretStr | None = None
    seeds: Path = Path("seeds")  # NEWSBOT_SEEDS
    log_level: LogLevel = "WARNING"  # NEWSBOT_LOG_LEVEL

    # --- digests ---
    # NEWSBOT_DIGEST_CHECK_SECONDS: how often due digests are looked for (at most hourly: a longer, or
    # infinite, interval cannot be scheduled)
    digest_check_seconds: float = Field(default=30.0, gt=0, le=MAX_CHECK_SECONDS)
    # NEWSBOT_DIGEST_GRACE_HOURS: how late a missed digest may still go out, even after midnight
    digest_grace_hours: float = Field(default=6.0, ge=0, le=24)
    # NEWSBOT_DIGEST_MAX_ARTICLES: articles listed per digest; the rest are counted
    digest_max_articles: int = Field(default=10, ge=1, le=50)
    # NEWSBOT_DIGEST_SEND_EMPTY: send a "nothing new" digest instead of nothing
    digest_send_empty: bool = False
    # NEWSBOT_SEND_RATE_PER_SECOND: messages per second overall, replies and digests together (Telegram
    # allows about 30/s); NEWSBOT_DIGEST_RATE_PER_SECOND, its former name, is still read.
    send_rate_per_second: float = Field(
        default=25.0,
        gt=0,
        le=30,
        validation_alias=AliasChoices("NEWSBOT_SEND_RATE_PER_SECOND", "NEWSBOT_DIGEST_RATE_PER_SECOND"),
    )
    # NEWSBOT_REPLICAS: how many `newsbot serve` processes share the bot; each sends at most
    # NEWSBOT_SEND_RATE_PER_SECOND / NEWSBOT_REPLICAS (Telegram's limit is per bot: `send_rate_per_replica`)
    replicas: int = Field(default=1, ge=1, le=30)
    # NEWSBOT_DIGEST_LEASE_SECONDS: how long a replica's claim on a digest lasts unless renewed; after
    # that another replica takes over the digest of a replica that died
    digest_lease_seconds: float = Field(default=120.0, ge=1, le=3600)
    # NEWSBOT_DIGEST_MAX_SUBSCRIPTIONS: subscriptions per chat
    digest_max_subscriptions: int = Field(default=20, ge=1)
    # NEWSBOT_INBOX: directory whose page files the running bot ingests (unset: none)
    inbox: Path | None = None

    @field_validator("inbox", mode="before")
    @classmethod
    def _blank_inbox_is_none(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            return None
        return _home_expanded(value)

    # --- web sources (feeds and news sites) ---
    # NEWSBOT_SOURCES_INTERVAL: default poll interval of a new source (30m, 1h, 90s; at least 1 minute)
    sources_interval: str = "30m"
    # NEWSBOT_SOURCES_CONTACT: a URL or e-mail put in the User-Agent so site operators can reach you
    sources_contact: str = ""
    # NEWSBOT_SOURCES_TIMEOUT: seconds to wait for a site (connect, each read)
    sources_timeout: float = Field(default=15.0, gt=0, le=300)
    # NEWSBOT_SOURCES_HOST_DELAY: seconds between two requests to the same site
    sources_host_delay: float = Field(default=1.0, ge=0, le=600)
    # NEWSBOT_SOURCES_MAX_BYTES: largest response read (feeds and pages)
    sources_max_bytes: int = Field(default=5_000_000, ge=10_000)
    # NEWSBOT_SOURCES_CHECK_SECONDS: how often `serve` looks for sources due to be polled (0: never; at
    # most hourly)
    sources_check_seconds: float = Field(default=30.0, ge=0, le=MAX_CHECK_SECONDS)

    @field_validator("sources_interval")
    @classmethod
    def _interval(cls, value: str) -> str:
        parse_interval(value)  # raises ValueError with the reason
        return value.strip()

    @field_validator("sources_contact")
    @classmethod
    def _contact(cls, value: str) -> str:
        # It goes into every request's User-Agent header, which takes one line of printable ASCII.
        value = value.strip()
        if not all(" " <= ch <= "~" for ch in value):
            raise ValueError(
                "must be one line of ASCII, an e-mail address or a URL: it is sent in every request's "
                "User-Agent header"
            )
        return value

    # --- Telegram ---
    # TELEGRAM_BOT_TOKEN: required by `newsbot serve` only; a secret that never prints.
    telegram_bot_token: SecretStr | None = Field(default=None, validation_alias="TELEGRAM_BOT_TOKEN")
    # TELEGRAM_API_BASE_URL: Bot API endpoint (a self-hosted Bot API server); the token is appended.
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot", validation_alias="TELEGRAM_API_BASE_URL"
    )
    # NEWSBOT_ADMIN_IDS: comma-separated Telegram user ids allowed /stats and sent error notes.
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()

    # --- operations ---
    # NEWSBOT_WEBHOOK_URL: serve by webhook at this public URL (https, behind a reverse proxy) instead of
    # long polling; its path is the path the webhook server answers on.
    webhook_url: str | None = None
    # NEWSBOT_WEBHOOK_LISTEN, NEWSBOT_WEBHOOK_PORT: where the webhook server listens.
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = Field(default=8443, ge=1, le=65535)
    # NEWSBOT_WEBHOOK_SECRET: the X-Telegram-Bot-Api-Secret-Token Telegram must send (1-256 characters of
    # A-Z a-z 0-9 _ -); unset: derived from the bot token, so every replica agrees without configuration.
    webhook_secret: SecretStr | None = None
    # NEWSBOT_HEALTH_PORT, NEWSBOT_HEALTH_LISTEN: serve GET /healthz there while `serve` runs (unset: off).
    health_port: int | None = Field(default=None, ge=0, le=65535)
    health_listen: str = "0.0.0.0"

    # --- the web page and WeChat (`newsbot web`; beside the bot in `newsbot serve` with NEWSBOT_WEB_PORT) ---
    # NEWSBOT_WEB_PORT: `serve` also runs the web server on this port (unset: it does not); `newsbot web`'s
    # default port when set.
    web_port: int | None = Field(default=None, ge=0, le=65535)
    # NEWSBOT_WEB_LISTEN: the address the web server listens on.
    web_listen: str = "127.0.0.1"
    # NEWSBOT_WEB_PUBLIC_URL: the server's public address (https://news.example.org), for feed, article and
    # WeChat links; unset: taken from each request.
    web_public_url: str | None = None
    # NEWSBOT_WEB_SECRET: the key signing session cookies; unset: generated once and kept in the database.
    web_secret: SecretStr | None = None
    # NEWSBOT_WECHAT_TOKEN: the Token set in the WeChat Official Account's server configuration; enables
    # /wechat (unset: /wechat answers 404).
    wechat_token: SecretStr | None = None

    @field_validator("web_port", "web_public_url", "web_secret", "wechat_token", mode="before")
    @classmethod
    def _blank_web_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("web_public_url")
    @classmethod
    def _public_url(cls, value: str | None) -> str | None:
        if value is not None and not value.strip().startswith(("https://", "http://")):
            raise ValueError("must be the web server's public address, starting with https:// or http://")
        return value.strip().rstrip("/") if value else value

    @field_validator("web_secret")
    @classmethod
    def _web_secret(cls, value: SecretStr | None) -> SecretStr | None:
        # Whoever guesses the key can sign a session cookie for any reader's chat id.
        if value is not None and len(value.get_secret_value().strip()) < 16:
            raise ValueError(
                "must be at least 16 characters, a random key (python -c 'import secrets; "
                "print(secrets.token_urlsafe(32))'), or unset to have one generated"
            )
        return value

    @field_validator("wechat_token")
    @classmethod
    def _wechat_token(cls, value: SecretStr | None) -> SecretStr | None:
        # The platform's own rule for the Token: 3-32 letters and digits.
        if value is not None and not re.fullmatch(r"[A-Za-z0-9]{3,32}", value.get_secret_value()):
            raise ValueError("must be 3-32 letters and digits, as in the account's server configuration")
        return value

    @field_validator("webhook_url", "webhook_secret", "health_port", mode="before")
    @classmethod
    def _blank_is_none(cls, value: Any) -> Any:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("webhook_url")
    @classmethod
    def _webhook_url(cls, value: str | None) -> str | None:
        if value is not None and value.strip().startswith("http://"):
            raise ValueError("must start with https://: Telegram refuses webhooks at plain http:// addresses")
        if value is not None and not value.strip().startswith("https://"):
            raise ValueError("must be the bot's public URL, starting with https://")
        return value.strip() if value else value

    @field_validator("webhook_secret")
    @classmethod
    def _webhook_secret(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", value.get_secret_value()):
            raise ValueError("must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @property
    def send_rate_per_replica(self) -> float:
        """Messages per second this process may send: Telegram's limit is per bot, shared by the replicas."""
        return self.send_rate_per_second / self.replicas

    def webhook_secret_token(self) -> str:
        """The secret Telegram sends with every webhook request (configured, or derived from the token)."""
        if self.webhook_secret is not None:
            return self.webhook_secret.get_secret_value()
        if self.telegram_bot_token is None:
            raise ValueError("no bot token to derive the webhook secret from")
        digest = hashlib.sha256(b"newsbot-webhook:" + self.telegram_bot_token.get_secret_value().encode())
        return digest.hexdigest()[:48]

    @field_validator("telegram_bot_token", mode="before")
    @classmethod
    def _blank_token_is_none(cls, value: Any) -> Any:
        # Spaces or a newline around a pasted token are the paste's, not the token's.
        if isinstance(value, str):
            return value.strip() or None
        return value

    @field_validator("telegram_bot_token")
    @classmethod
    def _token(cls, value: SecretStr | None) -> SecretStr | None:
        # The form @BotFather gives: the bot's id, a colon, then letters, digits, _ and -. Anything else
        # (a space inside, quotes kept by an env file) would only fail later as a network error.
        if value is not None and not re.fullmatch(r"[0-9]+:[A-Za-z0-9_-]+", value.get_secret_value()):
            raise ValueError(
                "must be the token @BotFather gave: digits, a colon, then letters, digits, _ and - "
                "(no spaces or quotes)"
            )
        return value

    @field_validator("telegram_api_base_url", mode="before")
    @classmethod
    def _base_url(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not value.startswith(("http://", "https://")):
                raise ValueError("must start with http:// or https://")
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: Any) -> Any:
        if isinstance(value, str):
            parts = [p.strip() for p in value.replace("，", ",").split(",") if p.strip()]
            bad = [p for p in parts if not p.lstrip("-").isdigit()]
            if bad:
                raise ValueError(
                    f"expected comma-separated numeric Telegram user ids, got {', '.join(bad)!r}"
                )
            return tuple(int(p) for p in parts)
        if isinstance(value, int):
            return (value,)
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _upper_log_level(cls, value: Any) -> Any:
        return value.strip().upper() if isinstance(value, str) else value

    @field_validator("database_url", mode="before")
    @classmethod
    def _postgres_url(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = value.strip()
            if not value:
                return None
            if not is_postgres_url(value):
                raise ValueError("must be a PostgreSQL URL, starting with postgresql:// or postgres://")
        return value

    @property
    def database_target(self) -> str | Path:
        """Where the database is: the PostgreSQL URL when NEWSBOT_DATABASE_URL is set, else the SQLite file
        NEWSBOT_DB. Every command opens this."""
        if self.database_url is not None:
            return self.database_url.get_secret_value()
        return self.db

    @field_validator("db", "seeds", mode="before")
    @classmethod
    def _non_empty_path(cls, value: Any) -> Any:
        if isinstance(value, str) and not value.strip():
            raise ValueError("must not be empty")
        return _home_expanded(value)


def _home_expanded(value: Any) -> Any:
    """A path starting with ``~`` in the user's home, as a shell would have it: `.env` files and systemd's
    EnvironmentFile pass ``~/newsbot.db`` on as it is (a folder named ``~`` in the working directory)."""
    if isinstance(value, str | Path):
        return Path(os.path.expanduser(value))
    return value


# Values never echoed in error messages.
SECRET_FIELDS = frozenset(
    {"database_url", "telegram_bot_token", "webhook_secret", "web_secret", "wechat_token"}
)


def env_names(field: str) -> tuple[str, ...]:
    """The environment variables a settings field is read from (the documented one first)."""
    alias = Settings.model_fields[field].validation_alias
    if isinstance(alias, str):
        return (alias,)
    if isinstance(alias, AliasChoices):
        return tuple(str(choice) for choice in alias.choices)
    return (f"NEWSBOT_{field.upper()}",)


# A `.env` line that sets a variable: `NAME=value`, perhaps after `export`.
_ENV_LINE = re.compile(r"^[ \t]*(?:export[ \t]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*=", re.M)


def known_variables() -> frozenset[str]:
    """Every environment variable newsbot's settings read."""
    return frozenset(name.upper() for field in Settings.model_fields for name in env_names(field))


def _edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: characters inserted, deleted or replaced to turn `a` into `b`."""
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, 1):
        current = [i]
        for j, other in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char != other)))
        previous = current
    return previous[-1]


def _one_word_apart(words: list[str], others: list[str]) -> bool:
    """Whether one list of words is the other with one word more (anywhere but first)."""
    longer, shorter = (words, others) if len(words) > len(others) else (others, words)
    if len(longer) != len(shorter) + 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(1, len(longer)))


def meant_variable(name: str, known: frozenset[str]) -> str | None:
    """The setting a variable newsbot does not read was probably meant to be: the same letters without
    the underscores (NEWSBOT_LOGLEVEL), a setting with a word added or left off (NEWSBOT_DB_PATH,
    NEWSBOT_DATABASE, TELEGRAM_TOKEN), or a letter off (two in a longer name: TELEGRAM_BOT_TOKN); the nearest when several
    are; None for any other name."""
    upper = name.upper()
    if upper in known or not upper.startswith(("NEWSBOT_", "TELEGRAM_")):
        return None
    letters_off = 2 if len(upper.split("_", 1)[1]) >= 6 else 1

    def slip_of(setting: str) -> bool:
        squeezed = upper.replace("_", "") == setting.replace("_", "")
        word_more_or_less = _one_word_apart(upper.split("_"), setting.split("_"))
        return squeezed or word_more_or_less or _edit_distance(upper, setting) <= letters_off

    candidates = sorted((_edit_distance(upper, setting), setting) for setting in known if slip_of(setting))
    return candidates[0][1] if candidates else None


def misspelt_variables(names: Iterable[str]) -> list[tuple[str, str]]:
    """(variable set, setting probably meant) for each name that looks like a slip of a setting's name."""
    known = known_variables()
    pairs = ((name, meant_variable(name, known)) for name in sorted(set(names)))
    return [(name, meant) for name, meant in pairs if meant is not None]


def variables_set(env_file: str | Path = ".env") -> set[str]:
    """The names set in the environment and in the `.env` file (when there is one that can be read)."""
    names = set(os.environ)
    path = Path(env_file)
    if path.is_file():
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):  # load_settings reports an unreadable .env
            return names
        names.update(match.group(1) for match in _ENV_LINE.finditer(text))
    return names


def _name_read(field: str, env_file: str | Path | None) -> str | None:
    """Which of a field's names (`env_names`: NEWSBOT_SEND_RATE_PER_SECOND, or its former name) was set, the
    first that is as the settings read them; None when none is (a value passed by name)."""
    names = {name.upper() for name in (variables_set(env_file) if env_file else os.environ)}
    return next((name for name in env_names(field) if name.upper() in names), None)


@dataclass(frozen=True)
class ValueSet:
    """A variable's value as typed (`text`) and where it was set (`where`: the environment or a `.env` file)."""

    text: str | None
    where: str


def value_set(
    name: str, environ: Mapping[str, str], dotenv: Mapping[str, str | None], env_file: str
) -> ValueSet | None:
    """Where the variable `name` was set and its value as typed there: the environment before `env_file`
    (whose variables are `dotenv`), names compared without case, as the settings read them; None when
    neither sets it."""
    for where, values in (("the environment", environ), (env_file, dotenv)):
        typed = {key.upper(): value for key, value in values.items()}
        if name.upper() in typed:
            return ValueSet(typed[name.upper()], where)
    return None


def _dotenv_values(env_file: str | Path | None) -> Mapping[str, str | None]:
    """The variables `env_file` sets, read by the settings' own `.env` reader (empty when there is no such
    file)."""
    return DotEnvSettingsSource(Settings, env_file=env_file).env_vars


def _given_by_name(field: str, overrides: dict[str, Any]) -> bool:
    """Whether `field`'s value was passed to `load_settings` (by its name or a variable's), not read."""
    names = {key.upper() for key in overrides}
    return field.upper() in names or any(name.upper() in names for name in env_names(field))


def load_settings(**overrides: Any) -> Settings:
    """Read the settings; a bad value raises `SettingsError` naming the environment variable, and a
    ``.env`` file in another encoding than UTF-8 one naming the file."""
    try:
        return Settings(**overrides)
    except UnicodeDecodeError as exc:
        env_file = overrides.get("_env_file", Settings.model_config.get("env_file"))
        raise SettingsError(
            f"{env_file}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at position {exc.start}): "
            "save it as UTF-8"
        ) from exc
    except ValidationError as exc:
        problems = []
        by_env = {name.upper(): field for field in Settings.model_fields for name in env_names(field)}
        env_file = overrides.get("_env_file", Settings.model_config.get("env_file"))
        dotenv = _dotenv_values(env_file)
        for error in exc.errors():
            loc = ".".join(str(part) for part in error["loc"]) or "?"
            if loc in Settings.model_fields:  # a field read by its own name, or passed by name
                field, env_name = loc, env_names(loc)[0]
            else:  # read through an alias: the loc is the variable that was set, or a field's first name
                field, env_name = by_env.get(loc.upper(), loc), loc.upper()
                if field in Settings.model_fields:
                    env_name = _name_read(field, overrides.get("_env_file", ".env")) or env_name
            read = (
                None
                if _given_by_name(field, overrides)
                else value_set(env_name, os.environ, dotenv, str(env_file))
            )
            typed = error.get("input") if read is None else read.text
            value = "(hidden)" if field in SECRET_FIELDS else repr(typed)
            where = "" if read is None else f" (in {read.where})"
            problems.append(f"{env_name}={value}{where}: {error['msg']}")
        raise SettingsError("invalid settings: " + "; ".join(problems)) from exc
