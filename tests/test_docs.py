"""The README documents every command with its help, and the set-up commands stay true."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from tracker.cli import cli

from .conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def command_paths(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = []
    for name, command in group.commands.items():
        path = (*prefix, name)
        paths.append(path)
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, path))
    return paths


@pytest.mark.parametrize("path", command_paths(cli), ids=" ".join)
def test_every_command_is_in_the_readme_with_its_help(path: tuple[str, ...]) -> None:
    result = CliRunner().invoke(cli, [*path, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, f"{' '.join(path)} --help has no example"
    assert f"tracker {' '.join(path)}" in README
    command: click.Command = cli
    for part in path:
        assert isinstance(command, click.Group)
        command = command.commands[part]
    summary = " ".join((command.help or "").split("\n\n")[0].split())
    assert summary in " ".join(README.split()), summary


def test_readme_starts_with_the_two_setup_commands() -> None:
    blocks = [b.split("```", 1)[0].strip() for b in README.split("```\n")[1::2]]
    first, second = blocks[:2]
    assert first.startswith("pip install .") and "tracker add seeds/" in first
    assert first.endswith('tracker timeline "Kirill Dmitriev"')
    assert "pytest" in second and "[test]" in second
