"""The `amend` command line: a thin edge over the `amend` package.

It parses options, calls the core, writes outputs and maps errors to exit
codes: 0 done, 1 the input is invalid or an amendment does not apply,
2 the command was used wrongly, 3 a bug in amend (so that CI can tell a bug
from a bad patch). Messages are for the secretary; a traceback only with
--debug.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

import click

from amend import __version__
from amend.errors import AmendError
from amend.messages import msg

EXIT_INVALID = 1  # an input is invalid or an amendment does not apply
EXIT_BUG = 3  # amend failed unexpectedly


def _fail_cleanly(fn):
    """Turn AmendError into its messages and exit 1, any other surprise into one message and exit 3."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        ctx = click.get_current_context()
        try:
            return fn(*args, **kwargs)
        except AmendError as exc:
            if ctx.obj.get("debug"):
                raise
            for line in str(exc).splitlines():
                click.echo(f"error: {line}", err=True)
            ctx.exit(EXIT_INVALID)
        except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # a bug in amend: say so plainly, keep the traceback for --debug
            if ctx.obj.get("debug"):
                raise
            click.echo(f"error: amend failed unexpectedly ({type(exc).__name__}: {str(exc)[:300]}). "
                       "Nothing was written. Run again with --debug and report it.", err=True)
            ctx.exit(EXIT_BUG)

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="amend")
@click.option("--debug", is_flag=True, help="Show a traceback on errors (for developers).")
@click.pass_context
def main(ctx, debug):
    """Apply a council's amendments to a program and write the adopted version."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def _warn(warnings) -> None:
    for w in warnings:
        click.echo(f"warning: {w}", err=True)


def _write_program(program, out_dir: Path, inputs, yaml_too: bool = True,
                   extra: dict | None = None) -> list[Path]:
    """Write the program's YAML and DOCX, and `extra` outputs {suffix: bytes}, all or nothing."""
    from amend.dump import dump_program
    from amend.output import build_time, write_all
    from amend.render.docx import render_docx

    stem = out_dir / f"{program.meta.id}.{program.meta.version}"
    outputs = {}
    if yaml_too:
        outputs[stem.with_name(stem.name + ".yaml")] = dump_program(program).encode("utf-8")
    outputs[stem.with_name(stem.name + ".docx")] = render_docx(program, build_time(program.meta.date))
    for suffix, data in (extra or {}).items():
        outputs[stem.with_name(stem.name + suffix)] = data
    return write_all(outputs, inputs=inputs)


class _Similarity(click.FloatRange):
    """0.5–1.0; "nan" passes FloatRange's comparisons, so it is refused here."""

    def convert(self, value, param, ctx):
        number = super().convert(value, param, ctx)
        if number != number:
            self.fail(f"{value!r} is not a number from 0.5 to 1.0", param, ctx)
        return number


_FUZZY_HELP = ("Accept an anchor that is not found exactly when one passage is at least this similar "
               "(0–1, e.g. 0.9); each such match is reported as a warning.")


@main.command()
@click.argument("program", type=click.Path(dir_okay=False))
@click.argument("patches", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the adopted YAML and DOCX.")
@click.option("--fuzzy", type=_Similarity(0.5, 1.0), default=None, help=_FUZZY_HELP)
@click.option("--preview", is_flag=True,
              help="Also apply patches whose outcome is pending, rejected or withdrawn, to see the text they "
                   "would make (never a version in force).")
@_fail_cleanly
def apply(program, patches, out_dir, fuzzy, preview):
    """Apply PATCH files (in order) to PROGRAM; write the adopted YAML and DOCX and the redline.

    Writes OUTPUT/<program-id>.<version>.yaml and .docx, where version is the
    last patch's `produces`, and .redline.docx (Word tracked changes) and
    .redline.html: the proposal against the adopted version.
    """
    from amend.apply import apply_steps
    from amend.load import load_patch, load_program
    from amend.output import build_time
    from amend.redline import redline
    from amend.render.redline_docx import render_redline_docx
    from amend.render.redline_html import render_redline_html

    base = load_program(program)
    loaded = [load_patch(p) for p in patches]
    if not preview:
        from amend.history import check_outcomes

        check_outcomes(loaded)
    steps = apply_steps(base, loaded, fuzzy=fuzzy)
    adopted = steps[-1].result
    _warn(w for s in steps for w in s.resolution.warnings)
    red = redline(steps)
    extra = {".redline.docx": render_redline_docx(red, build_time(adopted.meta.date)),
             ".redline.html": render_redline_html(red, loaded)}
    written = _write_program(adopted, Path(out_dir), inputs=(program, *patches), extra=extra)
    n = sum(len(p.amendments) for p in loaded)
    click.echo(f"applied {n} amendment{'s' if n != 1 else ''} from {len(loaded)} patch"
               f"{'es' if len(loaded) != 1 else ''}; wrote " + ", ".join(map(str, written)), err=True)


@main.command()
@click.argument("program", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the DOCX.")
@_fail_cleanly
def render(program, out_dir):
    """Write the DOCX of PROGRAM as OUTPUT/<program-id>.<version>.docx."""
    from amend.load import load_program

    written = _write_program(load_program(program), Path(out_dir), inputs=(program,), yaml_too=False)
    click.echo(f"wrote {written[0]}", err=True)


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_fail_cleanly
def validate(files):
    """Check program and patch FILES against their schemas."""
    from amend.errors import AmendErrors
    from amend.load import load_any

    problems = []
    for f in files:
        try:
            load_any(f)
            click.echo(f"ok: {f}", err=True)
        except AmendError as exc:
            problems.append(exc)
    if problems:
        raise problems[0] if len(problems) == 1 else AmendErrors(problems)


@main.command()
@click.argument("root", default=".", type=click.Path(file_okay=False, exists=True))
@click.option("--outputs", "outputs", multiple=True, type=click.Path(file_okay=False, exists=True),
              help="A folder of committed adopted YAML to compare with what the patches produce now "
                   "(repeatable; ROOT/build is always compared when it exists).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "github", "junit"]), default="text",
              show_default=True, help="text for people, json for tools, github for workflow annotations, "
                                      "junit for CI test reports.")
@_fail_cleanly
def check(root, outputs, fmt):
    """Check that every patch under ROOT (default: .) still applies exactly.

    Reads ROOT/programs/*.yaml and ROOT/amendments/<program-id>/*.yaml, follows
    each patch's base version, applies every patch without fuzzy matching and
    reports each amendment. Exit 0 when everything applies, 1 otherwise.
    """
    import sys

    from amend.check import check_repo
    from amend.report import render as render_report

    report = check_repo(root, outputs=outputs)
    color = fmt == "text" and sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    click.echo(render_report(report, fmt, color=color), nl=False, color=color)
    click.get_current_context().exit(0 if report.ok else 1)


@main.command()
@click.argument("patches", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--program", "program_file", type=click.Path(dir_okay=False),
              help="The version the patches are worded against (default: rebuilt from ROOT).")
@click.option("--root", default=".", show_default=True, type=click.Path(file_okay=False),
              help="The repository holding programs/ and amendments/, to rebuild the base version from.")
@_fail_cleanly
def conflicts(patches, program_file, root):
    """Show which amendments of competing PATCHES touch overlapping text.

    For proposals tabled against the same version (e.g. by two parties): a
    matrix with X where two amendments change or quote the same text, so
    the chair can order the votes. A report: exit 0 even when they overlap.
    """
    from amend.check import base_version, conflict_matrix
    from amend.errors import VersionMismatch
    from amend.load import load_patch, load_program
    from amend.report import matrix_text

    loaded = [load_patch(p) for p in patches]
    first = loaded[0]
    for p in loaded[1:]:
        if (p.program, p.base) != (first.program, first.base):
            raise VersionMismatch(f"is worded against '{p.program}' version '{p.base}', but {first.source} "
                                  f"against '{first.program}' version '{first.base}'; compare patches tabled "
                                  "against the same version", source=p.source)
    if program_file:
        base = load_program(program_file)
    else:
        base = base_version(root, first.program, first.base, exclude=patches)
    click.echo(matrix_text(conflict_matrix(base, loaded)), nl=False)

@main.command("import")
@click.argument("source", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The program file to write, e.g. programs/<program-id>.yaml.")
@click.option("--id", "program_id", default=None,
              help="The program id (default: the output file name without .yaml).")
@click.option("--title", default=None, help="The program title (default: the document's own).")
@click.option("--pages-from", "pages_from", default=None, type=click.Path(dir_okay=False),
              help="For a DOCX: the PDF that was circulated; its printed pages are the program's pages.")
@_fail_cleanly
def import_(source, output, program_id, title, pages_from):
    """Import a proposal from SOURCE (.docx or .pdf) into a program YAML file.

    What could not be carried over (images, footnotes, text boxes, …) is listed
    on stderr; check the pages against the printed proposal.
    """
    from amend.dump import PROGRAM_SCHEMA
    from amend.importers import import_document, program_yaml
    from amend.output import write_all

    out = Path(output)
    program, report = import_document(source, program_id=program_id or out.stem, title=title, pages_from=pages_from)
    text = program_yaml(program, PROGRAM_SCHEMA, str(out))
    for line in report.lines():
        click.echo(line, err=True)
    write_all({out: text.encode("utf-8")}, inputs=(source,) + ((pages_from,) if pages_from else ()))
    click.echo(f"imported {len(program.sections)} sections on {program.page_count} pages; wrote {out}", err=True)


@main.command()
@click.argument("protocol", type=click.Path(dir_okay=False))
@click.option("--program", "program_file", required=True, type=click.Path(dir_okay=False),
              help="The program the amendments are worded against (its version becomes the patch's base).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Patch file to write (default: standard output).")
@click.option("--lang", type=click.Choice(["sv", "en"]), default=None,
              help="Language of the minutes (default: the program's).")
@click.option("--paragraph", default=None, help="The § to read when the protocol holds several, e.g. 170.")
@click.option("--body", default=None, help="The deciding body, when the protocol's header does not name it.")
@click.option("--date", default=None, help="The date of the decision (YYYY-MM-DD), when the header has none.")
@click.option("--case", default=None, help="The case number, when the § line has none.")
@click.option("--produces", default="adopted", show_default=True, help="The version the patch produces.")
@click.option("--status", default=None, help="Status of the version produced, e.g. Antagen.")
@_fail_cleanly
def extract(protocol, program_file, output, lang, paragraph, body, date, case, produces, status):
    """Read the adopted amendments out of PROTOCOL (minutes as text) into a patch.

    Every amendment is resolved against the program at once. What cannot be
    read, reads two ways, does not apply, or was proposed but not decided is
    listed with its protocol line ("needs a human"), and the exit code is 1;
    the amendments that were understood are still written. Rejected proposals
    are listed, not written.
    """
    from amend.dump import dump_patch
    from amend.extract.reader import extract as extract_patch
    from amend.extract.reader import read_text, report_comments
    from amend.load import load_program

    program = load_program(program_file)
    given = {k: v for k, v in (("body", body), ("date", date), ("case", case)) if v}
    result = extract_patch(read_text(protocol), program, source=protocol, language=lang, paragraph=paragraph,
                           decision=given, produces=produces, status=status)
    for kind, findings in (("needs a human", result.needs_human), ("cannot apply", result.not_applicable),
                           ("rejected", result.rejected), ("check", result.checks), ("note", result.notes)):
        for f in sorted(findings, key=lambda f: f.line):
            click.echo(f"{kind}: {protocol}:{f.line}: {f}", err=True)
    amendments = result.patch.amendments
    if not amendments:
        # an empty patch is never written: it would say the decision changed nothing
        d = result.patch.decision
        where = f"{d.paragraph} of {d.body} {d.date}" if d.paragraph else f"the minutes of {d.body} {d.date}"
        why = "see above" if not result.complete else "the decision holds no amendment to the program"
        click.echo(f"nothing was written: no amendment in {where} could be read ({why})", err=True)
        click.get_current_context().exit(1)
    text = dump_patch(result.patch, comments=report_comments(result, protocol))
    d = result.patch.decision
    summary = (f"extracted {len(amendments)} amendment{'s' if len(amendments) != 1 else ''} of {d.body} "
               f"{d.date}{' ' + d.paragraph if d.paragraph else ''}")
    if output:
        from amend.output import write_all

        write_all({Path(output): text.encode("utf-8")}, inputs=(protocol, program_file))
        click.echo(f"{summary}; wrote {output}", err=True)
    else:
        click.echo(text, nl=False)
        click.echo(summary, err=True)
    if not result.complete:
        n = len(result.needs_human) + len(result.not_applicable)
        click.echo(f"{n} thing{'s' if n != 1 else ''} need a human (see above)", err=True)
        click.get_current_context().exit(1)


@main.command()
@click.argument("patch", type=click.Path(dir_okay=False))
@click.option("--lang", type=click.Choice(["sv", "en"]), default="sv", show_default=True,
              help="Language of the wording.")
@_fail_cleanly
def describe(patch, lang):
    """Write each amendment of PATCH as the instruction for the minutes."""
    from amend.extract.describe import describe_patch
    from amend.load import load_patch

    click.echo(describe_patch(load_patch(patch), lang), nl=False)


@main.command()
@click.argument("old", type=click.Path(dir_okay=False))
@click.argument("new", type=click.Path(dir_okay=False))
@click.option("--docx", "docx_out", type=click.Path(dir_okay=False), help="Write the redline as a DOCX with tracked changes.")
@click.option("--html", "html_out", type=click.Path(dir_okay=False), help="Write the redline as an HTML page.")
@click.option("--stat", is_flag=True, help="Print a summary of the changed sections instead of the word diff.")
@click.option("--color/--no-color", default=None, help="Colour the word diff (default: when writing to a terminal).")
@_fail_cleanly
def diff(old, new, docx_out, html_out, stat, color):
    """Compare two program files (e.g. proposed and adopted, or two drafts), word by word.

    Without --docx or --html, prints the changed paragraphs with [-deleted-] and
    {+inserted+} words (coloured on a terminal); --stat prints a summary.
    """
    import sys

    from amend.diff import diff_programs
    from amend.load import load_program
    from amend.output import build_time, same_file, write_all
    from amend.render import term

    if docx_out and html_out and same_file(docx_out, html_out):
        raise click.UsageError(f"--docx and --html name the same file ({html_out}); give each its own file")
    red = diff_programs(load_program(old), load_program(new))
    outputs = {}
    if docx_out:
        from amend.render.redline_docx import render_redline_docx

        outputs[Path(docx_out)] = render_redline_docx(red, build_time(red.new.meta.date))
    if html_out:
        from amend.render.redline_html import render_redline_html

        outputs[Path(html_out)] = render_redline_html(red)
    if outputs:
        for path in write_all(outputs, inputs=(old, new)):
            click.echo(f"wrote {path}", err=True)
    if stat:
        lines = term.stat(red)
    elif not outputs:
        lines = term.word_diff(red, color=sys.stdout.isatty() if color is None else color)
    else:
        lines = ()
    try:
        for line in lines:
            click.echo(line, color=color)
    except BrokenPipeError:  # `amend diff ... | head`: the reader has seen enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _today() -> str:
    import datetime as dt

    return dt.datetime.now(dt.timezone.utc).date().isoformat()


def _date_option(value):
    import datetime as dt

    from amend.history import DATE

    if value is None:
        return None
    try:
        if DATE.match(value) and dt.date.fromisoformat(value):
            return value
    except ValueError:
        pass
    raise click.BadParameter(f"'{value}' is not a date; write it as YYYY-MM-DD, e.g. 2026-03-01")


_ROOT_HELP = "The repository holding programs/ and amendments/."


@main.command()
@click.argument("program_id")
@click.option("--root", default=".", show_default=True, type=click.Path(file_okay=False, exists=True),
              help=_ROOT_HELP)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--at", "on", default=None, callback=lambda c, p, v: _date_option(v),
              help="Give the states as on this date (YYYY-MM-DD; default: today).")
@_fail_cleanly
def log(program_id, root, fmt, on):
    """The timeline of PROGRAM_ID: each version, the decision that made it and its state.

    States: in force, superseded, future (adopted, not yet in force), proposal
    (a step that another body has adopted), pending, rejected, withdrawn,
    unreachable. The commit column, when ROOT is in a git repository, is the
    commit that added each patch file.
    """
    import json

    from amend.history import build_timeline, log_data, log_text
    from amend.history_load import added_commits, load_history

    program, patches = load_history(root, program_id)
    timeline = build_timeline(program, patches, on or _today())
    commits = added_commits(root, program_id)
    if fmt == "json":
        click.echo(json.dumps(log_data(timeline, commits), ensure_ascii=False, indent=2))
    else:
        click.echo(log_text(timeline, commits), nl=False)


@main.command()
@click.argument("spec", metavar="PROGRAM-ID[@VERSION]")
@click.option("--at", "on", default=None, callback=lambda c, p, v: _date_option(v),
              help="Build the version in force on this date (YYYY-MM-DD; a future date: the one that will be).")
@click.option("--root", default=".", show_default=True, type=click.Path(file_okay=False, exists=True),
              help=_ROOT_HELP)
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the YAML and DOCX.")
@_fail_cleanly
def show(spec, on, root, out_dir):
    """Build a version of a program from its patches and write its YAML and DOCX.

    PROGRAM-ID@VERSION builds that version, PROGRAM-ID@DATE (YYYY-MM-DD) or
    --at DATE the one in force on that date, PROGRAM-ID alone the one in force
    today.
    """
    from amend.apply import apply_steps
    from amend.history import FUTURE, IN_FORCE, SUPERSEDED, build_timeline, chain_to, require_version_on
    from amend.history_load import load_history

    program_id, _, version = spec.partition("@")
    if version and on:
        raise click.UsageError("give either @VERSION or --at DATE, not both")
    program, patches = load_history(root, program_id)
    from amend.history import DATE

    if DATE.match(version) and version not in {program.meta.version, *(p.produces for p in patches)}:
        on, version = _date_option(version), ""  # PROGRAM-ID@2027-01-01: the version in force that day
    timeline = build_timeline(program, patches, on or _today())
    version = version or require_version_on(timeline, timeline.on)
    entry = timeline.entry(version)
    chain = chain_to(timeline, version)
    if entry.state not in (IN_FORCE, SUPERSEDED, FUTURE):
        _warn([f"the version '{version}' is {entry.state}" + (f" ({entry.note})" if entry.note else "")
               + "; it is not a version in force"])
    steps = apply_steps(program, chain)
    built = steps[-1].result if steps else program
    written = _write_program(built, Path(out_dir), inputs=(program.source, *(p.source for p in chain)))
    click.echo(f"built '{version}' ({entry.state} on {timeline.on}) from {len(chain)} patch{'es' if len(chain) != 1 else ''}; "
               "wrote " + ", ".join(map(str, written)), err=True)


@main.command(help=str(msg("web.cli.help")))
@click.argument("root", default=".", type=click.Path(file_okay=False, exists=True))
@click.option("--host", default="127.0.0.1", show_default=True, help=str(msg("web.cli.host")))
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help=str(msg("web.cli.port")))
@click.option("--token", default=None, help=str(msg("web.cli.token")))
@click.option("--no-browser", is_flag=True, help=str(msg("web.cli.no_browser")))
def serve(root, host, port, token, no_browser):
    from amend.web.cli import run

    run(root, host, port, token, no_browser)


if __name__ == "__main__":
    main()
