"""`amend serve`: start the workbench, print (and open) its link, serve until Ctrl+C."""
from __future__ import annotations

import re
import webbrowser
from pathlib import Path

import click

from ..messages import msg
from .server import Workbench, new_token, serve
from .store import default_folder

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,200}$")
LOCAL = ("127.0.0.1", "localhost", "::1")


MIN_PASSWORD = 12  # characters


def run(root: str, host: str, port: int, token: str | None, no_browser: bool, password_file: str | None = None) -> None:
    _check_options(host, token, password_file)
    password = read_password(Path(password_file)) if password_file is not None else None
    try:
        bench = serve(Path(root).resolve(), host, port, token or new_token(), default_folder(Path(root)),
                      password=password)
    except OSError as exc:
        raise click.ClickException(str(msg("web.cli.cannot_listen", host=host, port=port,
                                           reason=exc.strerror or exc))) from None
    click.echo(str(msg("web.cli.open", url=bench.url)), err=True)
    if not no_browser:
        webbrowser.open(bench.url)
    _serve_until_stopped(bench)


def _check_options(host: str, token: str | None, password_file: str | None) -> None:
    if token is not None and not TOKEN.match(token):
        raise click.UsageError(str(msg("web.cli.bad_token")))
    if token is not None and password_file is not None:
        raise click.UsageError(str(msg("web.cli.token_or_password")))
    if host not in LOCAL and token is None and password_file is None:
        raise click.UsageError(str(msg("web.cli.not_local", host=host)))


def _serve_until_stopped(bench: Workbench) -> None:
    """Serve until Ctrl-C; the drafts are on disk when it ends."""
    try:
        bench.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        bench.server_close()


def read_password(path: Path) -> str:
    """The password: the file's first line, read once; refused when others may read the file (or it is short)."""
    lines = _private_lines(path)
    password = lines[0].strip() if lines else ""
    if len(password) < MIN_PASSWORD:
        raise click.UsageError(str(msg("web.cli.password_short", file=path, n=MIN_PASSWORD)))
    return password


def _private_lines(path: Path) -> list[str]:
    """The file's lines, refused when its group or other users may read it."""
    import stat

    try:
        st = path.stat()
        if st.st_mode & (stat.S_IRWXG | stat.S_IRWXO):
            raise click.UsageError(str(msg("web.cli.password_open", file=path, mode=oct(st.st_mode & 0o777)[2:])))
        return path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise click.UsageError(str(msg("web.cli.password_unreadable", file=path, reason=reason))) from None
