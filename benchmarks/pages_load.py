"""The pages benchmark's load (pages.py): N clients, each on one kept-alive connection,
asking for one page again and again for a time or a number of requests, and the latency of
every answer.

Written on asyncio sockets rather than `requests` threads: on a 2-core machine the load
generator shares the processors with the server, and a few lines of HTTP/1.1 (a request
made once, the answer read by its Content-Length or chunks) cost a fraction of a
`requests` call, so /healthz measures the server rather than the client.
"""

import asyncio
import time
from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Load:
    statuses: Counter = field(default_factory=Counter)
    latencies: list = field(default_factory=list)  # seconds, one per answer
    seconds: float = 0.0
    body_bytes: int = 0

    @property
    def requests(self) -> int:
        return sum(self.statuses.values())

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        """Nearest rank, in milliseconds."""
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        rank = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
        return ordered[rank] * 1000


def request_bytes(host: str, port: int, path: str, headers: dict) -> bytes:
    lines = [f"GET {path} HTTP/1.1", f"Host: {host}:{port}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


async def read_answer(reader: asyncio.StreamReader) -> tuple[int, int, bool]:
    """(status, body length, whether the server keeps the connection)."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    keep = headers.get("connection", "").lower() != "close"
    if "content-length" in headers:
        length = int(headers["content-length"])
        await reader.readexactly(length)
        return status, length, keep
    if headers.get("transfer-encoding", "").lower() == "chunked":
        length = 0
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)  # the chunk and its CRLF
            length += size
            if size == 0:
                return status, length, keep
    body = await reader.read()  # no length: the body runs to the close
    return status, len(body), False


async def _client(host, port, request, deadline, budget, timeout, load: Load) -> None:
    reader = writer = None
    while time.perf_counter() < deadline and (budget is None or budget[0] > 0):
        if budget is not None:
            budget[0] -= 1
        began = time.perf_counter()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            writer.write(request)
            status, length, keep = await asyncio.wait_for(read_answer(reader), timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as exc:
            load.statuses[type(exc).__name__] += 1
            load.latencies.append(time.perf_counter() - began)
            if writer is not None:
                writer.close()
            reader = writer = None
            continue
        load.latencies.append(time.perf_counter() - began)
        load.statuses[status] += 1
        load.body_bytes += length
        if not keep:
            writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def _hammer(host, port, path, headers, clients, seconds, requests, timeout) -> Load:
    request = request_bytes(host, port, path, headers)
    load = Load()
    budget = [requests] if requests else None
    started = time.perf_counter()
    deadline = started + (seconds if not requests else 10**9)
    await asyncio.gather(
        *(_client(host, port, request, deadline, budget, timeout, load) for _ in range(clients))
    )
    load.seconds = time.perf_counter() - started
    return load


def hammer(
    host: str,
    port: int,
    path: str,
    headers: dict,
    *,
    clients: int,
    seconds: float,
    requests: int | None = None,
    timeout: float = 60,
) -> Load:
    """`clients` at once on `path` for `seconds` (or until `requests` answers in all).
    The time runs until the last answer, so a slow page's requests in flight count."""
    return asyncio.run(_hammer(host, port, path, headers, clients, seconds, requests, timeout))
