"""Colour on a terminal: the terminal's own codes, NO_COLOR honoured, data never as codes."""

from __future__ import annotations

import io

import pytest

from ofsted_cli.output import text


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture()
def terminal(monkeypatch: pytest.MonkeyPatch) -> _Terminal:
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    return _Terminal()


def test_styles_become_sgr_codes(terminal: _Terminal) -> None:
    """Bold red is ESC[1;31m; plain segments stay plain; lines end with a line break."""
    text.emit([[("Inadequate", "bold red"), (" (SIF)", "")], []], terminal)
    assert terminal.getvalue() == "\x1b[1;31mInadequate\x1b[0m (SIF)\n\n"


def test_no_color_keeps_bold_and_drops_colours(
    terminal: _Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR: bold stays, colours go."""
    monkeypatch.setenv("NO_COLOR", "1")
    text.emit([[("Good", "bold green"), ("x", "green")]], terminal)
    assert terminal.getvalue() == "\x1b[1mGood\x1b[0mx\n"


def test_control_characters_in_data_are_not_sent(terminal: _Terminal) -> None:
    """An escape or a carriage return in a value cannot move the cursor or recolour: it is
    shown as its code point."""
    text.emit([[("a\x1b[2Jb\rc", "bold")]], terminal)
    assert terminal.getvalue() == "\x1b[1ma<U+001B>[2Jb<U+000D>c\x1b[0m\n"


def test_dumb_terminal_and_pipes_are_plain(
    terminal: _Terminal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TERM=dumb, like a pipe, gets the text alone."""
    monkeypatch.setenv("TERM", "dumb")
    text.emit([[("Good", "green")]], terminal)
    assert terminal.getvalue() == "Good\n"
