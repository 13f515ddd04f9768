"""A `mkdocs build` keeps Python's garbage collector off what lives until the process
ends; a serve session, which rebuilds for hours, never does."""

from __future__ import annotations

import gc

import pytest

from mkdocs_briefs.plugin import BriefsPlugin


@pytest.fixture
def plugin():
    gc.unfreeze()
    made = BriefsPlugin()
    yield made
    made.on_shutdown()
    gc.unfreeze()


@pytest.mark.parametrize("command", ["build", "gh-deploy"])
def test_a_command_that_ends_after_its_build_freezes_what_exists(plugin, command):
    plugin.on_startup(command=command, dirty=False)
    plugin._freeze_for_exit()
    assert gc.get_freeze_count() > 0


@pytest.mark.parametrize("command", ["serve", None])
def test_serve_and_use_as_a_library_leave_the_collector_alone(plugin, command):
    if command is not None:  # MkDocs' build() called from Python has no on_startup
        plugin.on_startup(command=command, dirty=False)
    plugin._freeze_for_exit()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("command", ["build", "gh-deploy"])
def test_a_command_that_ends_after_its_build_collects_no_garbage_while_reading(plugin, command):
    plugin.on_startup(command=command, dirty=False)
    with plugin._collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()  # the pages' garbage is collected as usual


def test_the_collector_comes_back_when_reading_fails(plugin):
    plugin.on_startup(command="build", dirty=False)
    with pytest.raises(RuntimeError), plugin._collector_paused():
        raise RuntimeError("a brief could not be read")
    assert gc.isenabled()


@pytest.mark.parametrize("command", ["serve", None])
def test_serve_and_use_as_a_library_collect_while_reading(plugin, command):
    if command is not None:
        plugin.on_startup(command=command, dirty=False)
    with plugin._collector_paused():
        assert gc.isenabled()
