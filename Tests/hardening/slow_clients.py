"""Slow and huge clients against a running `yswd serve` (issue 21).

    python3 slow_clients.py PORT PID [CONNECTIONS] [SECONDS]

Opens CONNECTIONS (default 2000) connections that send a request's header a few bytes at a time and
never finish it (the slow-header attack), keeps dribbling bytes into each that is still open, and
waits up to SECONDS (default 60) for the server to close every one of them. Then checks, within
the same SECONDS, that the server's memory (VmRSS of PID) is back within 15 MB of where it was
before, and that it still answers a normal request. Prints what it measured; exits 1 when a check fails.
"""
import errno
import http.client
import resource
import socket
import sys
import time


def rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def answers(port):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", "/sign-in")
    status = connection.getresponse().status
    connection.close()
    return status


def main():
    port, pid = int(sys.argv[1]), int(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 2000
    limit = float(sys.argv[4]) if len(sys.argv) > 4 else 60.0
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, max(soft, count + 256)), hard))

    for _ in range(20):
        answers(port)
    before = rss_mb(pid)

    sockets = []
    failed_to_open = 0
    for _ in range(count):
        client = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        client.setblocking(False)
        code = client.connect_ex(("127.0.0.1", port))
        if code not in (0, errno.EINPROGRESS):
            failed_to_open += 1
            client.close()
            continue
        sockets.append(client)

    start = time.monotonic()
    opened = {}
    pending = b"GET /sign-in HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    peak = before
    dribble = 0
    while sockets and time.monotonic() - start < limit:
        # Send a few more bytes of a header that never ends into every connection still open.
        for client in list(sockets):
            step = opened.get(client, 0)
            chunk = pending[step:step + 4] if step < len(pending) else b"X-Slow-%d: y\r\n" % dribble
            try:
                client.send(chunk)
                opened[client] = step + len(chunk)
            except BlockingIOError:
                pass
            except OSError as error:
                if error.errno != errno.ENOTCONN:
                    sockets.remove(client)
                    client.close()
        dribble += 1
        # Count those the server has closed.
        for client in list(sockets):
            try:
                if client.recv(4096) == b"":
                    sockets.remove(client)
                    client.close()
            except BlockingIOError:
                pass
            except OSError as error:
                if error.errno != errno.ENOTCONN:  # still connecting
                    sockets.remove(client)
                    client.close()
        peak = max(peak, rss_mb(pid))
        time.sleep(1.0)
    closed_after = time.monotonic() - start
    still_open = len(sockets)
    for client in sockets:
        client.close()

    # Memory given back: wait a little for the server to settle.
    after = rss_mb(pid)
    deadline = time.monotonic() + max(0.0, limit - closed_after)
    while after > before + 15 and time.monotonic() < deadline:
        time.sleep(1.0)
        after = rss_mb(pid)
    status = answers(port)

    print(f"slow-header connections: {count} opened ({failed_to_open} refused at once), "
          f"{still_open} still open after {closed_after:.0f} s")
    print(f"server memory: {before:.0f} MB before, {peak:.0f} MB at most, {after:.0f} MB after")
    print(f"a normal request afterwards: {status}")
    ok = still_open == 0 and after <= before + 15 and status == 200
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
