"""Read what checking briefs needs from `mkdocs.yml`, without MkDocs.

`briefs check` must run without building (or importing) MkDocs, so it reads
only the keys it needs: `docs_dir` and the briefs plugin's options. Tags that
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

PLUGIN_NAME = "briefs"
DEFAULTS = {"briefs_dir": "briefs", "timezone": "UTC"}


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


def default_site_config(project_dir: Path, timezone: str = "UTC") -> SiteConfig:
    """The plugin's defaults, for checking files when there is no mkdocs.yml."""
    return SiteConfig(
        project_dir=project_dir,
        briefs_dir=project_dir / DEFAULTS["briefs_dir"],
        docs_dir=project_dir / "docs",
        timezone=parse_timezone(timezone),
    )


def read_site_config(config_file: Path, timezone: str | None = None) -> SiteConfig:
    """The briefs options of `config_file`; `timezone` overrides the configured zone."""
    data = _load(config_file)
    project_dir = config_file.resolve().parent
    options = _plugin_options(data, config_file)
    unknown = sorted(set(options) - {"briefs_dir", "glossary", "timezone", "template"})
    if unknown:
        raise SiteConfigError(f"{config_file}: unknown briefs option '{unknown[0]}'")
    try:
        zone = parse_timezone(timezone or options.get("timezone", DEFAULTS["timezone"]))
    except ValueError as exc:
        raise SiteConfigError(f"{config_file}: briefs option 'timezone': {exc}") from None
    glossary = options.get("glossary")
    return SiteConfig(
        project_dir=project_dir,
        briefs_dir=project_dir / _path(options.get("briefs_dir", "briefs"), "briefs_dir"),
        docs_dir=project_dir / _path(data.get("docs_dir", "docs"), "docs_dir"),
        timezone=zone,
        glossary=project_dir / _path(glossary, "glossary") if glossary else None,
        config_file=config_file,
    )


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
