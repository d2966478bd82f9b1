"""The `amend` command line: a thin edge over the `amend` package.

Each command parses its options, loads its inputs, calls one function of
amend.commands (or amend.check) and maps the result and errors to exit codes:
0 done, 1 the input is invalid or an amendment does not apply, 2 the command
was used wrongly, 3 a bug in amend (so that CI can tell a bug from a bad
patch). Messages are for the secretary, in her language: `amend --lang sv|en`,
else AMEND_LANG, else the language of the program the command loads, else the
locale. A traceback only with --debug.
"""
from __future__ import annotations

import datetime as dt
import functools
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from amend import __version__, commands
from amend.errors import AmendError
from amend.messages import Msg, choose, language, msg
from amend.messages import render as in_words
from amend.model import Program

EXIT_INVALID = 1  # an input is invalid or an amendment does not apply
EXIT_USAGE = 2  # the command was used wrongly
EXIT_BUG = 3  # amend failed unexpectedly

F = TypeVar("F", bound=Callable[..., Any])


# ---------------------------------------------------------------- help and usage in the language of the run


class _CatalogueHelp:
    """Help text kept as a catalogue message and put into words only when click shows it."""

    _help: Msg | str | None = None

    @property
    def help(self) -> str | None:
        return None if self._help is None else in_words(self._help)

    @help.setter
    def help(self, value: Msg | str | None) -> None:
        self._help = value


class _Option(_CatalogueHelp, click.Option):
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


class _Command(_CatalogueHelp, click.Command):
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


class _Amend(_Command, click.Group):
    """The `amend` group: it chooses the language before click parses anything (help, usage errors)."""

    command_class = _Command

    @property
    def subcommand_metavar(self) -> str:
        return str(msg("cli.subcommand_metavar"))

    @subcommand_metavar.setter
    def subcommand_metavar(self, value: str | None) -> None:
        pass  # always the catalogue's

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _Command.format_options(self, ctx, formatter)
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


_option = functools.partial(click.option, cls=_Option)


# ---------------------------------------------------------------- errors and output


def _fail_cleanly(fn: F) -> F:
    """Turn AmendError into its messages and exit 1, any other surprise into one message and exit 3."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        ctx = click.get_current_context()
        try:
            return fn(*args, **kwargs)
        except AmendError as exc:
            if ctx.obj.get("debug"):
                raise
            for line in str(exc).splitlines():
                click.echo(str(msg("common.error", text=line)), err=True)
            ctx.exit(EXIT_INVALID)
        except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # a bug in amend: say so plainly, keep the traceback for --debug
            if ctx.obj.get("debug"):
                raise
            click.echo(str(msg("common.bug", kind=type(exc).__name__, detail=str(exc)[:300])), err=True)
            ctx.exit(EXIT_BUG)

    return wrapper  # type: ignore[return-value]


def _speak(program: Program) -> Program:
    """From here on, speak the program's language unless --lang or AMEND_LANG says otherwise."""
    ctx = click.get_current_context()
    ctx.with_resource(language(choose(ctx.obj.get("lang"), program.meta.language)))
    return program


def _warn(warnings: Iterable[object]) -> None:
    for w in warnings:
        click.echo(str(msg("common.warning", text=w)), err=True)


def _tell(done: commands.Done) -> None:
    _warn(done.warnings)
    for line in done.notes:
        click.echo(line, err=True)
    click.echo(str(done.summary), err=True)


@click.group(cls=_Amend, help=msg("cli.help.main"), context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="amend", cls=_Option, help=msg("cli.help.version"))
@_option("--debug", is_flag=True, help=msg("cli.help.debug"))
@_option("--lang", type=click.Choice(["sv", "en"]), default=None, help=msg("cli.help.lang"))
@click.pass_context
def main(ctx: click.Context, debug: bool, lang: str | None) -> None:
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug
    ctx.obj["lang"] = lang


# ---------------------------------------------------------------- apply, render, validate


class _Similarity(click.FloatRange):
    """0.5–1.0; "nan" passes FloatRange's comparisons, so it is refused here."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(str(msg("cli.not_similarity", value=value)), param, ctx)
        return number


@main.command(help=msg("cli.help.apply"))
@click.argument("program", type=click.Path(dir_okay=False))
@click.argument("patches", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
         help=msg("cli.help.apply_output"))
@_option("--fuzzy", type=_Similarity(0.5, 1.0), default=None, help=msg("cli.help.fuzzy"))
@_option("--preview", is_flag=True, help=msg("cli.help.preview"))
@_fail_cleanly
def apply(program: str, patches: tuple[str, ...], out_dir: str, fuzzy: float | None, preview: bool) -> None:
    from amend.load import load_patch, load_program

    base = _speak(load_program(program))
    _tell(commands.apply_patches(base, [load_patch(p) for p in patches], Path(out_dir), fuzzy=fuzzy,
                                 preview=preview))


@main.command(help=msg("cli.help.render"))
@click.argument("program", type=click.Path(dir_okay=False))
@_option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
         help=msg("cli.help.render_output"))
@_fail_cleanly
def render(program: str, out_dir: str) -> None:
    from amend.load import load_program

    _tell(commands.render_program(_speak(load_program(program)), Path(out_dir)))


@main.command(help=msg("cli.help.validate"))
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_fail_cleanly
def validate(files: tuple[str, ...]) -> None:
    oks, problems = commands.validate_files(files)
    for ok in oks:
        click.echo(str(ok), err=True)
    if problems is not None:
        raise problems


# ---------------------------------------------------------------- check and conflicts


@main.command(help=msg("cli.help.check"))
@click.argument("root", default=".", type=click.Path(file_okay=False, exists=True))
@_option("--outputs", "outputs", multiple=True, type=click.Path(file_okay=False, exists=True),
         help=msg("cli.help.check_outputs"))
@_option("--format", "fmt", type=click.Choice(["text", "json", "github", "junit"]), default="text",
         show_default=True, help=msg("cli.help.check_format"))
@_fail_cleanly
def check(root: str, outputs: tuple[str, ...], fmt: str) -> None:
    from amend.check import check_repo
    from amend.report import render as render_report

    report = check_repo(root, outputs=outputs)
    color = fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    click.echo(render_report(report, fmt, color=color), nl=False, color=color)
    click.get_current_context().exit(0 if report.ok else EXIT_INVALID)


@main.command(help=msg("cli.help.conflicts"))
@click.argument("patches", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_option("--program", "program_file", type=click.Path(dir_okay=False), help=msg("cli.help.conflicts_program"))
@_option("--root", default=".", show_default=True, type=click.Path(file_okay=False),
         help=msg("cli.help.conflicts_root"))
@_fail_cleanly
def conflicts(patches: tuple[str, ...], program_file: str | None, root: str) -> None:
    from amend.load import load_patch, load_program

    loaded = [load_patch(p) for p in patches]
    program = _speak(load_program(program_file)) if program_file else None
    click.echo(commands.competing(loaded, program, root), nl=False)


# ---------------------------------------------------------------- import, extract, describe


@main.command("import", help=msg("cli.help.import"))
@click.argument("source", type=click.Path(dir_okay=False))
@_option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
         help=msg("cli.help.import_output"))
@_option("--id", "program_id", default=None, help=msg("cli.help.import_id"))
@_option("--title", default=None, help=msg("cli.help.import_title"))
@_option("--pages-from", "pages_from", default=None, type=click.Path(dir_okay=False),
         help=msg("cli.help.import_pages_from"))
@_fail_cleanly
def import_(source: str, output: str, program_id: str | None, title: str | None, pages_from: str | None) -> None:
    _tell(commands.import_program(source, Path(output), program_id=program_id, title=title, pages_from=pages_from))


@main.command(help=msg("cli.help.extract"))
@click.argument("protocol", type=click.Path(dir_okay=False))
@_option("--program", "program_files", required=True, multiple=True, type=click.Path(dir_okay=False),
         help=msg("cli.help.extract_program"))
@_option("-o", "--output", type=click.Path(), default=None, help=msg("cli.help.extract_output"))
@_option("--lang", type=click.Choice(["sv", "en"]), default=None, help=msg("cli.help.extract_lang"))
@_option("--paragraph", default=None, help=msg("cli.help.extract_paragraph"))
@_option("--body", default=None, help=msg("cli.help.extract_body"))
@_option("--date", default=None, help=msg("cli.help.extract_date"))
@_option("--case", default=None, help=msg("cli.help.extract_case"))
@_option("--produces", default="adopted", show_default=True, help=msg("cli.help.extract_produces"))
@_option("--status", default=None, help=msg("cli.help.extract_status"))
@_fail_cleanly
def extract(protocol: str, program_files: tuple[str, ...], output: str | None, lang: str | None,
            paragraph: str | None, body: str | None, date: str | None, case: str | None, produces: str,
            status: str | None) -> None:
    from amend.load import load_program

    programs = [load_program(f) for f in program_files]
    program = _speak(programs[0])
    given = {k: v for k, v in (("body", body), ("date", date), ("case", case)) if v}
    if len(programs) == 1 and output is not None:  # one patch file (with several programs: a folder of them)
        ctx = click.get_current_context()
        click.Path(dir_okay=False).convert(output, next(p for p in ctx.command.params if p.name == "output"), ctx)
    if len(programs) > 1:
        if output is None:
            raise click.UsageError(str(msg("extract.documents.needs_output")))
        _documents(commands.extract_documents(protocol, programs, Path(output), language=lang, paragraph=paragraph,
                                              decision=given, produces=produces, status=status))
        return
    done = commands.extract_patch(protocol, program, Path(output) if output else None, language=lang,
                                  paragraph=paragraph, decision=given, produces=produces, status=status)
    for finding in done.findings:
        click.echo(str(finding), err=True)
    if done.text is None:
        click.echo(str(done.summary), err=True)
        click.get_current_context().exit(EXIT_INVALID)
    if not done.written:
        click.echo(done.text, nl=False)
    click.echo(str(done.summary), err=True)
    if done.need_a_human is not None:
        click.echo(str(done.need_a_human), err=True)
        click.get_current_context().exit(EXIT_INVALID)


def _documents(done: commands.ExtractedDocuments) -> None:
    for line in (*done.findings, *done.summaries, *((done.need_a_human,) if done.need_a_human else ())):
        click.echo(str(line), err=True)
    if done.need_a_human is not None:
        click.get_current_context().exit(EXIT_INVALID)


@main.command(help=msg("cli.help.describe"))
@click.argument("patch", type=click.Path(dir_okay=False))
@_option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
         help=msg("cli.help.describe_lang"))
@_option("--program", "program_file", default=None, type=click.Path(dir_okay=False),
         help=msg("extract.help.describe_program"))
@_fail_cleanly
def describe(patch: str, lang: str, program_file: str | None) -> None:
    from amend.extract.describe import describe_patch
    from amend.load import load_patch, load_program

    program = load_program(program_file) if program_file else None
    click.echo(describe_patch(load_patch(patch), lang, program), nl=False)


# ---------------------------------------------------------------- diff


@main.command(help=msg("cli.help.diff"))
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@_option("--docx", "docx_out", type=click.Path(dir_okay=False), help=msg("cli.help.diff_docx"))
@_option("--html", "html_out", type=click.Path(dir_okay=False), help=msg("cli.help.diff_html"))
@_option("--stat", is_flag=True, help=msg("cli.help.diff_stat"))
@_option("--color/--no-color", default=None, help=msg("cli.help.diff_color"))
@_fail_cleanly
def diff(old: str, new: str, docx_out: str | None, html_out: str | None, stat: bool, color: bool | None) -> None:
    from amend.load import load_program
    from amend.output import same_file

    if docx_out and html_out and same_file(docx_out, html_out):
        raise click.UsageError(str(msg("cli.same_output", file=html_out)))
    old_program = _speak(load_program(old))
    done = commands.compare(old_program, load_program(new), docx_out=Path(docx_out) if docx_out else None,
                            html_out=Path(html_out) if html_out else None, stat=stat,
                            color=sys.stdout.isatty() if color is None else color)
    for path in done.written:
        click.echo(str(msg("cli.wrote", file=path)), err=True)
    try:
        for line in done.lines:
            click.echo(line, color=color)
    except BrokenPipeError:  # `amend diff ... | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# ---------------------------------------------------------------- log and show


def _today() -> str:
    return dt.datetime.now(dt.timezone.utc).date().isoformat()


def _date_option(value: str | None) -> str | None:
    from amend.history import DATE

    if value is None:
        return None
    try:
        if DATE.match(value) and dt.date.fromisoformat(value):
            return value
    except ValueError:
        pass
    raise click.BadParameter(str(msg("cli.not_a_date", value=value)))


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    return _date_option(value)


@main.command(help=msg("cli.help.log"))
@click.argument("program_id")
@_option("--root", default=".", show_default=True, type=click.Path(file_okay=False, exists=True),
         help=msg("cli.help.root"))
@_option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
         help=msg("cli.help.log_format"))
@_option("--at", "on", default=None, callback=_date, help=msg("cli.help.log_at"))
@_fail_cleanly
def log(program_id: str, root: str, fmt: str, on: str | None) -> None:
    from amend.history_load import load_history

    program, patches = load_history(root, program_id)
    click.echo(commands.log(root, _speak(program), patches, on or _today(), fmt), nl=False)


@main.command(help=msg("cli.help.show"))
@click.argument("spec", metavar="PROGRAM-ID[@VERSION]")
@_option("--at", "on", default=None, callback=_date, help=msg("cli.help.show_at"))
@_option("--root", default=".", show_default=True, type=click.Path(file_okay=False, exists=True),
         help=msg("cli.help.root"))
@_option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
         help=msg("cli.help.show_output"))
@_fail_cleanly
def show(spec: str, on: str | None, root: str, out_dir: str) -> None:
    from amend.history_load import load_history

    program_id, _, version = spec.partition("@")
    if version and on:
        raise click.UsageError(str(msg("cli.version_and_date")))
    program, patches = load_history(root, program_id)
    version, day = commands.version_asked(version, _speak(program), patches)
    _tell(commands.show_version(program, patches, version, _date_option(day) or on or _today(), Path(out_dir)))


@main.command(help=msg("web.cli.help"))
@click.argument("root", default=".", type=click.Path(file_okay=False, exists=True))
@_option("--host", default="127.0.0.1", show_default=True, help=msg("web.cli.host"))
@_option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help=msg("web.cli.port"))
@_option("--token", default=None, help=msg("web.cli.token"))
@_option("--no-browser", is_flag=True, help=msg("web.cli.no_browser"))
def serve(root: str, host: str, port: int, token: str | None, no_browser: bool) -> None:
    from amend.web.cli import run

    run(root, host, port, token, no_browser)


if __name__ == "__main__":
    main()
