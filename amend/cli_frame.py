"""The frame of amend's command line in the language of the run: help texts kept as
catalogue messages and put into words only when click shows them, the help page's
frame ("Usage:", "Options"), click's usage errors in words, the language chosen
before click parses anything, the date and similarity options, and the exit codes
with `fail_cleanly`, which maps a command's errors to them. Moved out of cli.py as
it is, so that cli.py holds the commands only."""
from __future__ import annotations

import datetime as dt
import functools
import re
import sys
from collections.abc import Callable, Sequence
from contextlib import suppress
from typing import Any, TypeVar, cast

import click

from .errors import AmendError
from .messages import Msg, choose, language, msg
from .messages import render as in_words


class CatalogueHelp:
    """Help text kept as a catalogue message and put into words only when click shows it."""

    _help: Msg | str | None = None

    @property
    def help(self) -> str | None:
        return None if self._help is None else in_words(self._help)

    @help.setter
    def help(self, value: Msg | str | None) -> None:
        self._help = value


class Option(CatalogueHelp, click.Option):
    """An option whose --help text is a catalogue message."""

    def __init__(self, *args: Any, help: Msg | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._help = help

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        record = super().get_help_record(ctx)
        if record is None:
            return None
        extra = self.get_help_extra(ctx)
        words = [str(msg("cli.default", value=extra["default"]))] if "default" in extra else []
        words += [extra["range"]] if "range" in extra else []
        words += [str(msg("cli.required"))] if "required" in extra else []
        return record[0], (self.help or "") + (f"  [{'; '.join(words)}]" if words else "")


class Command(CatalogueHelp, click.Command):
    """A command whose help and help page frame ("Usage:", "Options") come from the catalogue."""

    @property
    def options_metavar(self) -> str:
        return str(msg("cli.options_metavar"))

    @options_metavar.setter
    def options_metavar(self, value: str | None) -> None:
        pass  # always the catalogue's

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = str(msg("cli.help.help"))
        return option

    def format_usage(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        formatter.write_usage(ctx.command_path, " ".join(self.collect_usage_pieces(ctx)), str(msg("cli.usage")))

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = [p.get_help_record(ctx) for p in self.get_params(ctx) if not isinstance(p, click.Argument)]
        if any(records):
            with formatter.section(str(msg("cli.options"))):
                formatter.write_dl([r for r in records if r])


class Amend(Command, click.Group):
    """The `amend` group: it chooses the language before click parses anything (help, usage errors)."""

    command_class = Command

    @property
    def subcommand_metavar(self) -> str:
        return str(msg("cli.subcommand_metavar"))

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str | None) -> None:
        pass  # always the catalogue's

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        Command.format_options(self, ctx, formatter)
        shown = [(name, cmd) for name in self.list_commands(ctx)
                 if (cmd := self.get_command(ctx, name)) is not None and not cmd.hidden]
        if shown:
            limit = formatter.width - 6 - max(len(name) for name, _ in shown)
            rows = [(name, cmd.get_short_help_str(limit)) for name, cmd in shown]
            with formatter.section(str(msg("cli.commands"))):
                formatter.write_dl(rows)

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        argv = list(sys.argv[1:] if args is None else args)
        with language(choose(_lang_given(argv))):
            if not standalone_mode:
                return super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
            try:
                code = super().main(argv, prog_name, complete_var, standalone_mode=False, **extra)
            except click.ClickException as exc:
                _show(exc)
                sys.exit(exc.exit_code)
            except click.Abort:
                click.echo(str(msg("cli.aborted")), err=True)
                sys.exit(1)
            sys.exit(code if isinstance(code, int) else 0)


def _lang_given(argv: list[str]) -> str | None:
    """The value of `amend --lang X` (before the command name: after it, extract's --lang is the minutes')."""
    for n, arg in enumerate(argv):
        if arg == "--lang":
            return argv[n + 1] if n + 1 < len(argv) else None
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if not arg.startswith("-"):
            return None
    return None


def _show(exc: click.ClickException) -> None:
    """A usage error as click shows it, its frame in the language of the run."""
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        names = ctx.command.get_help_option_names(ctx)
        hint = [str(msg("cli.try_help", command=ctx.command_path, option=max(names, key=len)))] if names else []
        click.echo("\n".join([ctx.get_usage(), *hint, ""]), err=True, color=ctx.color)
    click.echo(str(msg("cli.usage_error", text=_usage_text(exc))), err=True)


def _usage_text(exc: click.ClickException) -> str:
    """click's message in the language of the run for the usage errors amend's users meet; others as click says."""
    if isinstance(exc, click.MissingParameter):
        return _missing(exc) or exc.format_message()
    if isinstance(exc, click.BadParameter):
        hint, text = _hint(exc), _click_words(exc.message)
        return str(msg("cli.bad_value", name=hint, text=text) if hint else msg("cli.bad_value_unnamed", text=text))
    if isinstance(exc, click.NoSuchOption) and exc.message == f"No such option {exc.option_name!r}.":
        text = str(msg("cli.no_such_option", name=exc.option_name))
        if exc.possibilities:
            names = ", ".join(repr(p) for p in sorted(exc.possibilities))
            text += " " + str(msg("cli.did_you_mean", name=names) if len(exc.possibilities) == 1
                              else msg("cli.did_you_mean_one_of", names=names))
        return text
    return _click_words(exc.format_message())


def _click_words(text: str) -> str:
    """Two sentences of click's own (an unknown command, a value not among the choices), in words."""
    if found := re.fullmatch(r"No such command '(.*)'\.", text):
        return str(msg("cli.no_such_command", name=found[1]))
    if found := re.fullmatch(r"'(.*)' is not one of (.*)\.", text):
        return str(msg("cli.not_one_of", value=found[1], choices=found[2]))
    return text


def _missing(exc: click.MissingParameter) -> str | None:
    """"Missing option '-o' / '--output'." in words; None when click adds words of its own (a choice's list)."""
    extra = exc.param.type.get_missing_message(param=exc.param, ctx=exc.ctx) if exc.param else None
    kind = exc.param_type or (exc.param.param_type_name if exc.param else None)
    hint = _hint(exc)
    if exc.message or extra or not hint:
        return None
    words = {"argument": msg("cli.missing_argument", name=hint), "option": msg("cli.missing_option", name=hint),
             "parameter": msg("cli.missing_parameter", name=hint)}
    return str(words[kind]) if kind in words else None


def _hint(exc: click.BadParameter) -> str | None:
    hint = exc.param_hint if exc.param_hint is not None else (
        exc.param.get_error_hint(exc.ctx) if exc.param is not None and exc.ctx is not None else None)
    if hint is None or isinstance(hint, str):
        return hint
    return " / ".join(repr(h) for h in hint)


option = functools.partial(click.option, cls=Option)


# ---------------------------------------------------------------- dates


EXIT_INVALID = 1  # an input is invalid or an amendment does not apply
EXIT_USAGE = 2  # the command was used wrongly (click's own exit code for a usage error)
EXIT_BUG = 3  # amend failed unexpectedly

F = TypeVar("F", bound=Callable[..., Any])


def fail_cleanly(fn: F) -> F:
    """A command that turns AmendError into its messages and exit 1, any other surprise
    into one message and exit 3 (with --debug: the traceback instead)."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:
            if click.get_current_context().obj.get("debug"):
                raise
            _fail(exc)

    return cast(F, wrapper)


def _fail(exc: Exception) -> None:
    ctx = click.get_current_context()
    if isinstance(exc, AmendError):
        for line in str(exc).splitlines():
            click.echo(str(msg("common.error", text=line)), err=True)
        ctx.exit(EXIT_INVALID)
    # a bug in amend: say so plainly, keep the traceback for --debug
    click.echo(str(msg("common.bug", kind=type(exc).__name__, detail=str(exc)[:300])), err=True)
    ctx.exit(EXIT_BUG)


class Similarity(click.FloatRange):
    """0.5–1.0; "nan" passes FloatRange's comparisons, so it is refused here."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(str(msg("cli.not_similarity", value=value)), param, ctx)
        return number


def today() -> str:
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


def date_option(value: str | None) -> str | None:
    from .history import DATE

    if value is None:
        return None
    with suppress(ValueError):  # 2025-02-30 has the shape of a date, but is none
        if DATE.match(value) and dt.date.fromisoformat(value):
            return value
    raise click.BadParameter(str(msg("cli.not_a_date", value=value)))


def date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return date_option(value)
