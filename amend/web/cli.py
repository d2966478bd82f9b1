"""`amend serve`: start the workbench, print (and open) its link, serve until Ctrl+C."""
from __future__ import annotations

import re
import webbrowser
from pathlib import Path

import click

from ..messages import msg
from .server import new_token, serve
from .store import default_folder

TOKEN = re.compile(r"^[A-Za-z0-9_-]{16,200}$")
LOCAL = ("127.0.0.1", "localhost", "::1")


def run(root: str, host: str, port: int, token: str | None, no_browser: bool) -> None:
    if token is not None and not TOKEN.match(token):
        raise click.UsageError(str(msg("web.cli.bad_token")))
    if host not in LOCAL and token is None:
        raise click.UsageError(str(msg("web.cli.not_local", host=host)))
    try:
        bench = serve(Path(root).resolve(), host, port, token or new_token(), default_folder(Path(root)))
    except OSError as exc:
        raise click.ClickException(str(msg("web.cli.cannot_listen", host=host, port=port,
                                           reason=exc.strerror or exc))) from None
    click.echo(str(msg("web.cli.open", url=bench.url)), err=True)
    if not no_browser:
        webbrowser.open(bench.url)
    try:
        bench.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        bench.server_close()
