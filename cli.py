"""The `amend` command line: a thin edge over the `amend` package.

It parses options, calls the core, writes outputs and maps errors to exit
codes: 0 done, 1 the input is invalid or an amendment does not apply,
2 the command was used wrongly. Messages are for the secretary; a
traceback only with --debug.
"""
from __future__ import annotations

import functools
import os
from pathlib import Path

import click

from amend import __version__
from amend.errors import AmendError


def _fail_cleanly(fn):
    """Turn AmendError (and any other surprise) into one message and exit 1."""

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
            ctx.exit(1)
        except (KeyboardInterrupt, click.exceptions.Exit, click.ClickException):
            raise
        except Exception as exc:  # a bug in amend: say so plainly, keep the traceback for --debug
            if ctx.obj.get("debug"):
                raise
            click.echo(f"error: amend failed unexpectedly ({type(exc).__name__}: {exc}). "
                       "Nothing was written. Run again with --debug and report it.", err=True)
            ctx.exit(1)

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


def _schema_ref(out_dir: Path) -> str:
    from importlib import resources

    schema = Path(str(resources.files("amend").joinpath("schemas/program.schema.json")))
    return os.path.relpath(schema, out_dir.resolve())


def _write_program(program, out_dir: Path, inputs, docx: bool = True, yaml_too: bool = True,
                   extra: dict | None = None) -> list[Path]:
    """Write the program's YAML and DOCX, and `extra` outputs {suffix: bytes}, all or nothing."""
    from amend.dump import dump_program
    from amend.output import build_time, write_all
    from amend.render.docx import render_docx

    stem = out_dir / f"{program.meta.id}.{program.meta.version}"
    outputs = {}
    if yaml_too:
        outputs[stem.with_name(stem.name + ".yaml")] = dump_program(program, _schema_ref(out_dir)).encode("utf-8")
    if docx:
        outputs[stem.with_name(stem.name + ".docx")] = render_docx(program, build_time(program.meta.date))
    for suffix, data in (extra or {}).items():
        outputs[stem.with_name(stem.name + suffix)] = data
    return write_all(outputs, inputs=inputs)


_FUZZY_HELP = ("Accept an anchor that is not found exactly when one passage is at least this similar "
               "(0–1, e.g. 0.9); each such match is reported as a warning.")


@main.command()
@click.argument("program", type=click.Path(dir_okay=False))
@click.argument("patches", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Folder for the adopted YAML and DOCX.")
@click.option("--fuzzy", type=click.FloatRange(0.5, 1.0), default=None, help=_FUZZY_HELP)
@_fail_cleanly
def apply(program, patches, out_dir, fuzzy):
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
    from amend.output import build_time, write_all
    from amend.render import term

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


if __name__ == "__main__":
    main()
