"""The Dagster UI behind a guard: no run is launched by a page the operator visits.

``dagster-webserver`` answers GraphQL mutations sent as GET (an ``<img>`` tag on
any web page can call ``launchRun``) and any Host header (DNS rebinding lets a
foreign page talk to 127.0.0.1). It cannot be configured not to, so this module
starts the very same webserver (same options: ``-w``, ``-h``, ``-p`` ...) with its
ASGI app wrapped in `GuardedApp`, which lets through only:

* requests whose Host is the address the server listens on (or ``localhost``
  of the same port, or a name in ``$CLAIMS_UI_ALLOWED_HOSTS`` for a reverse
  proxy), and whose Origin, when the browser sends one, is that same host;
* GraphQL over POST with a JSON (or GraphQL) body, which a foreign page cannot
  send without a CORS preflight that the webserver never approves; a GET to
  the GraphQL endpoint only gets the GraphiQL page, never a query.

Run: ``python -m dagster_project.webserver -w workspace.yaml -h 127.0.0.1 -p 3000``.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any
from urllib.parse import parse_qs, urlsplit

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
GRAPHQL_BODY_TYPES = ("application/json", "application/graphql")


class GuardedApp:
    """ASGI middleware: refuse what a foreign web page could make a browser send."""

    def __init__(self, app: ASGIApp, extra_hosts: tuple[str, ...] = ()) -> None:
        self.app = app
        self.extra_hosts = tuple(h.strip().lower() for h in extra_hosts if h.strip())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        refusal = self.refusal(scope)
        if refusal is None:
            await self.app(scope, receive, send)
        elif scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
        else:
            status, text = refusal
            body = (text + "\n").encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [
                        (b"content-type", b"text/plain; charset=utf-8"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})

    def allowed_hosts(self, scope: Scope) -> set[str]:
        server = scope.get("server") or ("127.0.0.1", 0)
        host, port = server[0], server[1]
        names = {*LOOPBACK_NAMES, f"[{host}]" if ":" in str(host) else str(host)}
        return {f"{name}:{port}" for name in names} | set(self.extra_hosts)

    def refusal(self, scope: Scope) -> tuple[int, str] | None:
        """(status, reason) for a request to refuse, None for one to serve."""
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        allowed = self.allowed_hosts(scope)
        host = headers.get("host", "").lower()
        if host not in allowed:
            return 403, f"refused: Host {host!r} is not this server (see README: deployment)"
        origin = headers.get("origin")
        if origin is not None and urlsplit(origin.lower()).netloc not in allowed:
            return 403, f"refused: a request from {origin!r}, another site"
        if scope["type"] == "websocket" or not scope["path"].rstrip("/").endswith("/graphql"):
            return None
        method = scope["method"]
        if method == "GET":
            if "query" in parse_qs(scope.get("query_string", b"").decode("latin-1")):
                return 405, "refused: GraphQL over GET; send POST with a JSON body"
            return None
        if method != "POST":
            return 405, f"refused: {method} to the GraphQL endpoint"
        content_type = headers.get("content-type", "").lower()
        if not content_type.startswith(GRAPHQL_BODY_TYPES):
            return 415, "refused: GraphQL needs a JSON body (Content-Type: application/json)"
        return None


def main() -> None:
    """``dagster-webserver``, its app wrapped in `GuardedApp`."""
    import dagster_webserver.cli as webserver_cli

    create_app = webserver_cli.create_app_from_workspace_process_context
    extra = tuple(os.environ.get("CLAIMS_UI_ALLOWED_HOSTS", "").split(","))

    def guarded_app(*args: Any, **kwargs: Any) -> GuardedApp:
        return GuardedApp(create_app(*args, **kwargs), extra_hosts=extra)

    webserver_cli.create_app_from_workspace_process_context = guarded_app
    webserver_cli.main()


if __name__ == "__main__":
    main()
