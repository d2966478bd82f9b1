"""The `amend` command line: a thin edge over the `amend` package.

Each command parses its options (the help and usage frame in the language
of the run is amend.cli_frame), loads its inputs, calls one function of
amend.commands (or amend.check) and maps the result and errors to exit codes
(amend.cli_frame.fail_cleanly): 0 done, 1 the input is invalid or an amendment does not apply, 2 the command
was used wrongly, 3 a bug in amend (so that CI can tell a bug from a bad
patch). Messages are for the secretary, in her language: `amend --lang sv|en`,
else AMEND_LANG, else the language of the program the command loads, else the
locale. A traceback only with --debug.

The module is long because it declares every command with its options and help; what each
command does is in amend.commands, amend.extract_jobs and amend.versions.
"""
from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from amend import __version__, commands, extract_jobs
from amend.cli_frame import EXIT_INVALID
from amend.cli_frame import Amend as _Amend
from amend.cli_frame import Option as _Option
from amend.cli_frame import Similarity as _Similarity
from amend.cli_frame import date as _date
from amend.cli_frame import date_option as _date_option
from amend.cli_frame import fail_cleanly as _fail_cleanly
from amend.cli_frame import option as _option
from amend.cli_frame import today as _today
from amend.messages import choose, language, msg

if TYPE_CHECKING:
    from amend.model import Program

PROVENANCE = ("none", "footnotes", "comments")  # amend.render.provenance.MODES, without importing the renderers


# ---------------------------------------------------------------- output


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


@main.command(help=msg("cli.help.apply"))
@click.argument("program", type=click.Path(dir_okay=False))
@click.argument("patches", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
         help=msg("cli.help.apply_output"))
@_option("--fuzzy", type=_Similarity(0.5, 1.0), default=None, help=msg("cli.help.fuzzy"))
@_option("--preview", is_flag=True, help=msg("cli.help.preview"))
@_option("--docx-style", type=click.Choice(["source", "default"]), default="source", metavar="STYLE",
         help=msg("source.help.docx_style"))
@_option("--provenance", type=click.Choice(PROVENANCE), default="none", show_default=True, metavar="MODE",
         help=msg("history.help.provenance"))
@_option("--pdf", is_flag=True, help=msg("render.help.pdf"))
@_option("--template", type=click.Path(dir_okay=False), default=None, help=msg("render.help.template"))
@_fail_cleanly
def apply(program: str, patches: tuple[str, ...], out_dir: str, fuzzy: float | None, preview: bool,
          docx_style: str, provenance: str, pdf: bool, template: str | None) -> None:
    from amend.load import load_patch, load_program

    base = _speak(load_program(program))
    _tell(commands.apply_patches(base, [load_patch(p) for p in patches], Path(out_dir), fuzzy=fuzzy,
                                 preview=preview, docx_style=docx_style, provenance=provenance, pdf=pdf,
                                 template=template))


@main.command(help=msg("cli.help.render"))
@click.argument("program", type=click.Path(dir_okay=False))
@_option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
         help=msg("cli.help.render_output"))
@_option("--template", type=click.Path(dir_okay=False), default=None, help=msg("render.help.template"))
@_fail_cleanly
def render(program: str, out_dir: str, template: str | None) -> None:
    from amend.load import load_program

    _tell(commands.render_program(_speak(load_program(program)), Path(out_dir), template))


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
@_option("--at", "on", default=None, callback=_date, help=msg("cli.help.check_at"))
@_fail_cleanly
def check(root: str, outputs: tuple[str, ...], fmt: str, on: str | None) -> None:
    from amend import adopted_docx
    from amend.check import check_repo
    from amend.report import render as render_report

    report = check_repo(root, outputs=outputs, on=on, word_file=adopted_docx.in_place_refusal)
    color = fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    click.echo(render_report(report, fmt, color=color), nl=False, color=color)
    for note in report.notes:
        click.echo(str(msg("cli.time_note", text=note)), err=True)
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
@_option("--part", "part", default=None, type=click.IntRange(min=1), help=msg("cli.help.import_part"))
@_fail_cleanly
def import_(source: str, output: str, program_id: str | None, title: str | None, pages_from: str | None,
            part: int | None) -> None:
    _tell(commands.import_program(source, Path(output), program_id=program_id, title=title, pages_from=pages_from,
                                  part=part))


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
    options: dict[str, Any] = dict(language=lang, paragraph=paragraph, decision=given, produces=produces, status=status)
    if len(programs) > 1:
        _documents(protocol, programs, output, options)
        return
    if output is not None:  # one patch file (with several programs: a folder of them)
        _file_option(output, "output")
    _extracted(extract_jobs.extract_patch(protocol, program, Path(output) if output else None, **options))


def _file_option(value: str, name: str) -> None:
    """Check the option `name` as click.Path(dir_okay=False) would (it names a file in only some uses)."""
    ctx = click.get_current_context()
    click.Path(dir_okay=False).convert(value, next(p for p in ctx.command.params if p.name == name), ctx)


def _extracted(done: extract_jobs.Extracted) -> None:
    """The findings, the patch (printed when not written) and the summary; exit 1 when no patch was made or
    something needs a human."""
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


def _documents(protocol: str, programs: list[Program], output: str | None, options: dict[str, Any]) -> None:
    """One decision amending several documents: a patch each, into the folder `output`."""
    if output is None:
        raise click.UsageError(str(msg("extract.documents.needs_output")))
    done = extract_jobs.extract_documents(protocol, programs, Path(output), **options)
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
@click.argument("old")
@click.argument("new")
@_option("--docx", "docx_out", type=click.Path(dir_okay=False), help=msg("cli.help.diff_docx"))
@_option("--html", "html_out", type=click.Path(dir_okay=False), help=msg("cli.help.diff_html"))
@_option("--stat", is_flag=True, help=msg("cli.help.diff_stat"))
@_option("--color/--no-color", default=None, help=msg("cli.help.diff_color"))
@_option("--root", default=".", show_default=True, type=click.Path(file_okay=False, exists=True),
         help=msg("cli.help.diff_root"))
@_fail_cleanly
def diff(old: str, new: str, docx_out: str | None, html_out: str | None, stat: bool, color: bool | None,
         root: str) -> None:
    outs = _diff_outputs(docx_out, html_out, stat, color)
    versions = _version_pair(old, new)
    done = _diff_versions(root, versions, outs) if versions is not None else _diff_files(old, new, outs)
    _echo_lines(done.lines, color)


def _diff_files(old: str, new: str, outs: dict[str, Any]) -> commands.Compared:
    """`amend diff OLD NEW` of two program files; the files written are said."""
    from amend.load import load_program

    done = commands.compare(_speak(load_program(old)), load_program(new), **outs)
    for path in done.written:
        click.echo(str(msg("cli.wrote", file=path)), err=True)
    return done


def _diff_outputs(docx_out: str | None, html_out: str | None, stat: bool, color: bool | None) -> dict[str, Any]:
    """What `amend diff` writes and prints; one file cannot be both the DOCX and the HTML."""
    from amend.output import same_file

    if docx_out and html_out and same_file(docx_out, html_out):
        raise click.UsageError(str(msg("cli.same_output", file=html_out)))
    return {"docx_out": Path(docx_out) if docx_out else None, "html_out": Path(html_out) if html_out else None,
            "stat": stat, "color": sys.stdout.isatty() if color is None else color}


def _diff_versions(root: str, versions: tuple[str, str, str], outs: dict[str, Any]) -> commands.Compared:
    """`amend diff PROGRAM-ID@A PROGRAM-ID@B`: the two versions built from the repository at `root`."""
    from amend.history_load import load_history
    from amend.versions import diff_versions

    program, patches = load_history(root, versions[0])
    told, done = diff_versions(_speak(program), patches, versions[1], versions[2], _today(), **outs)
    _tell(told)
    return done


def _version_pair(old: str, new: str) -> tuple[str, str, str] | None:
    """(program id, version, version) when OLD and NEW name versions (PROGRAM-ID@A), None for two files."""
    versions = [not Path(x).is_file() and "@" in x for x in (old, new)]
    if not any(versions):
        return None
    if not all(versions):
        raise click.UsageError(str(msg("cli.file_and_version", name=new if versions[1] else old)))
    (pid, _, a), (other, _, b) = old.partition("@"), new.partition("@")
    if pid != other:
        raise click.UsageError(str(msg("cli.two_programs", old=pid, new=other)))
    return pid, a, b


def _echo_lines(lines: Iterable[str], color: bool | None) -> None:
    try:
        for line in lines:
            click.echo(line, color=color)
    except BrokenPipeError:  # `amend diff ... | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


# ---------------------------------------------------------------- log and show


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
@_option("--provenance", type=click.Choice(PROVENANCE), default="none", show_default=True, metavar="MODE",
         help=msg("history.help.provenance"))
@_fail_cleanly
def show(spec: str, on: str | None, root: str, out_dir: str, provenance: str) -> None:
    from amend.history_load import load_history

    program_id, _, version = spec.partition("@")
    if version and on:
        raise click.UsageError(str(msg("cli.version_and_date")))
    program, patches = load_history(root, program_id)
    version, day = commands.version_asked(version, _speak(program), patches)
    _tell(commands.show_version(program, patches, version, _date_option(day) or on or _today(), Path(out_dir),
                                provenance))


@main.command(help=msg("cli.help.blame"))
@click.argument("spec", metavar="PROGRAM-ID[@VERSION]")
@_option("--at", "on", default=None, callback=_date, help=msg("cli.help.show_at"))
@_option("--root", default=".", show_default=True, type=click.Path(file_okay=False, exists=True),
         help=msg("cli.help.root"))
@_option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
         help=msg("cli.help.blame_format"))
@_option("-o", "--output", type=click.Path(dir_okay=False), default=None, help=msg("cli.help.blame_output"))
@_fail_cleanly
def blame(spec: str, on: str | None, root: str, fmt: str, output: str | None) -> None:
    from amend.history_load import load_history
    from amend.versions import blame_version

    program_id, _, version = spec.partition("@")
    if version and on:
        raise click.UsageError(str(msg("cli.version_and_date")))
    program, patches = load_history(root, program_id)
    done, text = blame_version(_speak(program), patches, version or (on or ""), _today(), fmt,
                               Path(output) if output else None)
    if text is not None:
        click.echo(text, nl=False)
    _tell(done)


@main.command(help=msg("cli.help.site"))
@click.argument("root", default=".", type=click.Path(file_okay=False, exists=True))
@_option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
         help=msg("cli.help.site_output"))
@_option("--at", "on", default=None, callback=_date, help=msg("cli.help.site_at"))
@_fail_cleanly
def site(root: str, out_dir: str, on: str | None) -> None:
    from amend.site import build_site, first_language

    ctx = click.get_current_context()
    ctx.with_resource(language(choose(ctx.obj.get("lang"), first_language(Path(root)))))
    _tell(build_site(Path(root), Path(out_dir), on or _today()))


@main.command(help=msg("web.cli.help"))
@click.argument("root", default=".", type=click.Path(file_okay=False, exists=True))
@_option("--host", default="127.0.0.1", show_default=True, help=msg("web.cli.host"))
@_option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help=msg("web.cli.port"))
@_option("--token", default=None, help=msg("web.cli.token"))
@_option("--password-file", default=None, type=click.Path(dir_okay=False), help=msg("web.cli.password_file"))
@_option("--no-browser", is_flag=True, help=msg("web.cli.no_browser"))
def serve(root: str, host: str, port: int, token: str | None, password_file: str | None, no_browser: bool) -> None:
    from amend.web.cli import run

    run(root, host, port, token, no_browser, password_file)


if __name__ == "__main__":
    main()
