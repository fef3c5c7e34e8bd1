"""Drive Debian's chromium headless, and catch any network request a page makes.

`make browser` installs chromium when it is missing; where that fails, `find_chromium` returns
None and the browser tests skip saying so.
"""

from __future__ import annotations

import shutil
import socketserver
import subprocess
import threading
from pathlib import Path
from types import TracebackType
from urllib.parse import urlsplit

FLAGS = (
    "--headless",
    "--no-sandbox",  # CI runs as root, where chromium's sandbox refuses to start
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--mute-audio",
)
BROWSER_OWN = frozenset({"update.googleapis.com", "clients2.google.com", "accounts.google.com"})
"""Hosts chromium 156 calls by itself on every start, whatever the page and despite FLAGS
(update and clock checks, account lookup). Only these exact hosts: a page's Google Fonts
(fonts.googleapis.com, fonts.gstatic.com) are still caught."""
TIMEOUT = 90
"""Seconds one chromium run may take; a first start on a cold machine is the slow case."""


def find_chromium() -> str | None:
    """Return the path of Debian's chromium, or None when it isn't installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run(chromium: str, url: str, *flags: str, profile: Path) -> str:
    """Run chromium on *url* with *flags* and a fresh *profile* folder; return its stdout."""
    profile.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [chromium, *FLAGS, f"--user-data-dir={profile}", *flags, url],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"chromium exited {done.returncode}: {done.stderr[-2000:]}")
    return done.stdout


def dump_dom(chromium: str, url: str, *flags: str, profile: Path) -> str:
    """Return the DOM of *url* after it has loaded, serialised as HTML."""
    return run(chromium, url, "--dump-dom", *flags, profile=profile)


def screenshot(
    chromium: str, url: str, path: Path, *flags: str, profile: Path, size: tuple[int, int]
) -> Path:
    """Save a PNG of *url* in a window of *size* pixels to *path*."""
    width, height = size
    run(
        chromium,
        url,
        f"--screenshot={path}",
        f"--window-size={width},{height}",
        *flags,
        profile=profile,
    )
    if not path.exists():
        raise RuntimeError(f"chromium wrote no screenshot to {path}")
    return path


class NetworkTrap:
    """A proxy on loopback that answers nothing and records every request sent to it.

    Chromium pointed at it (`flags`) sends it every http request and every https CONNECT, and
    can resolve no host name itself, so nothing leaves the machine and every attempt is seen.
    """

    def __init__(self) -> None:
        self.requests: list[str] = []
        trap = self

        class Handler(socketserver.StreamRequestHandler):
            timeout = 5

            def handle(self) -> None:
                line = self.rfile.readline(4096).decode("latin-1").strip()
                if line:
                    trap.requests.append(line)
                self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def page_requests(self) -> list[str]:
        """Return the requests recorded, less chromium's own calls to `BROWSER_OWN` hosts."""
        return [r for r in self.requests if _host(r) not in BROWSER_OWN]

    @property
    def flags(self) -> tuple[str, ...]:
        """Return the chromium flags that send all traffic to this trap."""
        port = self._server.server_address[1]
        return (
            f"--proxy-server=http://127.0.0.1:{port}",
            "--proxy-bypass-list=<-loopback>",
            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
        )

    def __enter__(self) -> NetworkTrap:
        self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _host(request: str) -> str:
    """Return the host a proxy request line asks for: `CONNECT h:443` or `GET http://h/...`."""
    parts = request.split()
    target = parts[1] if len(parts) > 1 else ""
    if parts and parts[0] == "CONNECT":
        return target.rsplit(":", 1)[0]
    return urlsplit(target).hostname or ""


class _Server(socketserver.ThreadingTCPServer):
    daemon_threads = True
