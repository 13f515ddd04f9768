"""Read what checking briefs needs from `mkdocs.yml`, without MkDocs.

`briefs check` must run without building (or importing) MkDocs, so it reads
only the keys it needs: `docs_dir`, `site_url` and the briefs plugin's options
(declared in `options.py`, which the build's `config.py` reads too). Tags that
MkDocs or its extensions define (`!ENV`, `!relative`, `!!python/name:...`) are
tolerated: `!ENV` is resolved like MkDocs does, any other tag keeps its plain
value.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import yaml

from mkdocs_briefs.core.options import (
    DEFAULT_TIMEZONE,
    OPTIONS,
    OptionKind,
    check_count,
    check_flag,
    check_text,
)
from mkdocs_briefs.core.problems import Location, Problem, Severity
from mkdocs_briefs.core.suggest import did_you_mean

PLUGIN_NAME = "briefs"


class SiteConfigError(Exception):
    """mkdocs.yml cannot be read or the briefs options are wrong; the message says why."""


@dataclass(frozen=True)
class SiteConfig:
    project_dir: Path  # the folder of mkdocs.yml: message paths are relative to it
    briefs_dir: Path
    docs_dir: Path
    timezone: ZoneInfo
    glossary: Path | None = None
    config_file: Path | None = None
    authors: Path | None = None
    # What the configuration itself gets wrong for `mkdocs build --strict` (no site_url, ...).
    problems: tuple[Problem, ...] = ()
    stories: Path | None = None


def parse_timezone(value: object) -> ZoneInfo:
    """An IANA zone; ValueError with the message the plugin and the CLI both show."""
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected an IANA time zone name, e.g. America/New_York")
    try:
        return ZoneInfo(value.strip())
    # A folder of the zone database ("America") raises IsADirectoryError, an OSError.
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(
            f"unknown time zone '{value}': use an IANA name, e.g. America/New_York or UTC"
        ) from exc


def config_problems(config_file: str, *, site_url: object, timezone_set: bool) -> list[Problem]:
    """What fails `mkdocs build --strict` because of the site's configuration alone.

    The plugin reports these when MkDocs reads the configuration, `briefs check`
    when it reads mkdocs.yml: the two agree.
    """
    where = Location(config_file)
    problems = []
    if not site_url:
        problems.append(
            Problem(
                where,
                "there is no site_url, so there is no Atom feed (feed.xml) and no canonical "
                "links: set site_url to the address the site is published at",
            )
        )
    if not timezone_set:
        problems.append(
            Problem(
                where,
                "the briefs option 'timezone' is not set, so dates and weekdays are read in "
                f"{DEFAULT_TIMEZONE}: set it to the newsroom's zone, "
                "e.g. timezone: America/New_York",
                Severity.WARNING,
            )
        )
    return problems


def default_site_config(project_dir: Path, timezone: str = DEFAULT_TIMEZONE) -> SiteConfig:
    """The plugin's defaults, for checking files when there is no mkdocs.yml."""
    return SiteConfig(
        project_dir=project_dir,
        briefs_dir=project_dir / OPTIONS["briefs_dir"].default,
        docs_dir=project_dir / "docs",
        timezone=parse_timezone(timezone),
    )


def read_site_config(config_file: Path, timezone: str | None = None) -> SiteConfig:
    """The briefs options of `config_file`; `timezone` overrides the configured zone."""
    data = _load(config_file)
    project_dir = config_file.resolve().parent
    options = _plugin_options(data, config_file)
    _validate(options, config_file)
    configured_zone = options.get("timezone")
    try:
        zone = parse_timezone(timezone or configured_zone or DEFAULT_TIMEZONE)
    except ValueError as exc:
        raise SiteConfigError(f"{config_file}: briefs option 'timezone': {exc}") from None
    glossary, authors = options.get("glossary"), options.get("authors")
    stories = options.get("stories")
    shown = config_file.name  # messages name files relative to the project folder
    return SiteConfig(
        project_dir=project_dir,
        briefs_dir=project_dir
        / _path(options.get("briefs_dir", OPTIONS["briefs_dir"].default), "briefs_dir"),
        docs_dir=project_dir / _path(data.get("docs_dir", "docs"), "docs_dir"),
        timezone=zone,
        glossary=project_dir / _path(glossary, "glossary") if glossary else None,
        config_file=config_file,
        authors=project_dir / _path(authors, "authors") if authors else None,
        problems=tuple(
            config_problems(
                shown, site_url=data.get("site_url"), timezone_set=configured_zone is not None
            )
        ),
        stories=project_dir / _path(stories, "stories") if stories else None,
    )


_CHECKS = {OptionKind.COUNT: check_count, OptionKind.FLAG: check_flag, OptionKind.TEXT: check_text}


def _validate(options: dict[str, Any], config_file: Path) -> None:
    """Every option is one the plugin declares, with a value of its kind."""
    for name, value in options.items():
        option = OPTIONS.get(name)
        if option is None:
            raise SiteConfigError(
                f"{config_file}: unknown briefs option '{name}'{did_you_mean(str(name), OPTIONS)}"
                f": use one of {', '.join(OPTIONS)}"
            )
        check = _CHECKS.get(option.kind)
        if check is not None and value is not None:
            try:
                check(value)
            except ValueError as exc:
                raise SiteConfigError(f"{config_file}: briefs option '{name}': {exc}") from None


def _path(value: object, key: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise SiteConfigError(f"the option '{key}' must be a path, got {value!r}")
    return value.strip()


def _plugin_options(data: dict[str, Any], config_file: Path) -> dict[str, Any]:
    plugins = data.get("plugins") or []
    entries = list(plugins.items()) if isinstance(plugins, dict) else []
    if isinstance(plugins, list):
        for item in plugins:
            if isinstance(item, str):
                entries.append((item, {}))
            elif isinstance(item, dict):
                entries.extend(item.items())
    for name, options in entries:
        if name == PLUGIN_NAME:
            if options is not None and not isinstance(options, dict):
                raise SiteConfigError(f"{config_file}: the briefs options must be a mapping")
            return options or {}
    raise SiteConfigError(
        f"{config_file} does not use the briefs plugin: add `- briefs` under `plugins:`"
    )


# --- A YAML loader that tolerates MkDocs' tags ----------------------------------


class _ConfigLoader(yaml.SafeLoader):
    pass


def _env(loader: _ConfigLoader, node: yaml.Node) -> Any:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`, as MkDocs reads it."""
    if isinstance(node, yaml.ScalarNode):
        names, default = [loader.construct_scalar(node)], None
    elif isinstance(node, yaml.SequenceNode):
        items = loader.construct_sequence(node)
        names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
    else:
        return None
    for name in names:
        if isinstance(name, str) and name in os.environ:
            return os.environ[name]
    return default


def _any_tag(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node, deep=True)
    return loader.construct_mapping(node, deep=True)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", _any_tag)


def _load(config_file: Path, seen: frozenset[Path] = frozenset()) -> dict[str, Any]:
    try:
        text = config_file.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise SiteConfigError(f"cannot read {config_file}: {exc}") from None
    try:
        data = yaml.load(text, Loader=_ConfigLoader)
    except yaml.YAMLError as exc:
        raise SiteConfigError(f"{config_file}: invalid YAML: {exc}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise SiteConfigError(f"{config_file}: the configuration must be a mapping")
    parent = data.pop("INHERIT", None)
    if isinstance(parent, str) and parent.strip():
        parent_file = (config_file.parent / parent.strip()).resolve()
        if parent_file in seen:
            raise SiteConfigError(f"{config_file}: INHERIT loops back to {parent_file}")
        data = _merge(_load(parent_file, seen | {config_file.resolve()}), data)
    return data


def _merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT: mappings merge key by key, anything else is replaced."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged
