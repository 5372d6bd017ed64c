"""``svodka serve``: the REST API and the web UI over a store, run by uvicorn. A thin shell
over :func:`svodka.web.create_app`.

Bound to a loopback address it answers any ``Host`` (a reverse proxy on the same machine
passes its own); bound beyond loopback it answers only this machine's names and those
given with ``--allow-host`` (DNS rebinding), and warns loudly when it has no token.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Annotated

import typer

from svodka.cli.common import DbOption, err, open_store, out


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the ``svodka`` app."""
    app.command()(serve)


def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 exposes the server to the network.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            metavar="HOST",
            help="A host name clients use to reach the server (repeatable; also "
            "SVODKA_ALLOWED_HOSTS, comma-separated). Given, the Host check is on even on "
            "loopback.",
        ),
    ] = None,
    analyze_token: Annotated[
        bool,
        typer.Option(
            "--analyze-token",
            help="Require SVODKA_TOKEN for analyses too (POST /api/v1/analyze, /analyze).",
        ),
    ] = False,
    root_path: Annotated[
        str,
        typer.Option(
            "--root-path",
            metavar="PATH",
            help="The path a reverse proxy serves svodka under (/svodka): every link, the "
            "API docs and the OpenAPI servers are built under it.",
        ),
    ] = "",
) -> None:
    """Serve the API (/api/v1, docs at /api/docs) and the web UI. Writes need SVODKA_TOKEN
    (16 characters or more)."""
    import uvicorn

    from svodka.settings import load_settings
    from svodka.web import create_app

    settings = load_settings(db=db)
    open_store(settings.db, create=True).close()  # fail here, readably, on a bad --db
    token = settings.token
    named = [*(allow_host or []), *settings.allowed_hosts]
    hosts = allowed_hosts(host, named)
    try:
        app = create_app(settings.db, token, analyze_token=analyze_token, allowed_hosts=hosts)
    except ValueError as error:
        err.print(f"[red]error:[/red] {error}")
        raise typer.Exit(2) from error
    shown = f"[{host}]" if ":" in host else host
    root_path = root_path.rstrip("/")
    base = f"http://{shown}:{port}{root_path}"
    out.print(f"svodka at {base}/  (API docs: {base}/api/docs)")
    answered = app.state.settings.allowed_hosts
    if answered is not None:
        out.print(f"answering to the host names: {', '.join(sorted(answered))}")
    if not token:
        err.print("SVODKA_TOKEN is not set: POST /api/v1/documents is disabled (403)")
        if not loopback(host):
            warn_exposed(host)
    uvicorn.run(app, host=host, port=port, root_path=root_path, log_level="info")


def loopback(host: str) -> bool:
    """Whether ``host`` is an address only this machine reaches."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, named: list[str]) -> list[str] | None:
    """The host names the server answers to: None (any) on loopback unless names are
    given; beyond it, the names given, the bound address and this machine's names."""
    if loopback(host) and not named:
        return None
    if loopback(host):
        return named
    own = {host} if host not in ("0.0.0.0", "::", "") else machine_names()
    return sorted({*named, *own})


def machine_names() -> set[str]:
    """This machine's host name, its fully qualified name and their addresses."""
    names = {socket.gethostname(), socket.getfqdn()}
    for name in list(names):
        try:
            names.update(str(info[4][0]) for info in socket.getaddrinfo(name, None))
        except OSError:
            continue
    return {name for name in names if name}


def warn_exposed(host: str) -> None:
    """The loud warning for a server reachable from the network without a token."""
    err.print(
        f"[bold red]WARNING: serving on {host} without SVODKA_TOKEN.[/bold red] Anyone who "
        "reaches this address can read the whole corpus and run analyses (CPU and memory) "
        "without a token. Set SVODKA_TOKEN (16+ characters) and pass --analyze-token, or "
        "bind 127.0.0.1 behind a reverse proxy."
    )
