"""Two `yswd serve` processes on one PostgreSQL database, and the command line writing too (issue 22).

    python3 two_servers.py BASE_A BASE_B LINK WRITES

Sets a password from LINK (on A), signs in on A and uses that session on B; then WRITES contributions
to activity GP through each server at once, from four threads, while the test runs the command line
beside them. Every write must succeed (a redirect, as a browser sees it). Prints "sessions: shared"
and "web writes: N ok, 0 failed"; exits 1 when a step does not go as a browser would see it.

    python3 two_servers.py BASE_A BASE_B EMAIL compare

Signs in on A, and prints the dashboard as each server shows it (the record's own part: no form
tokens), waiting while either says it is catching up with a change; exits 1 if they differ.
"""
import re
import sys
import threading
import time
import urllib.parse

from web_client import PASSWORD, csrf, request, sign_in


def dashboard(base, cookies):
    """The dashboard's main part, once the server has caught up with the record."""
    for _ in range(100):
        status, page = request(base, "GET", "/", cookies=cookies)
        if status != 200:
            raise SystemExit(f"the dashboard on {base} gave {status}")
        if "This list is from just" not in page:
            main = page[page.index("<main"):page.index("</main>")]
            return re.sub(r'name="csrf" value="[^"]*"', "", main)
        time.sleep(0.1)
    raise SystemExit(f"the dashboard on {base} was still catching up after 10 seconds")


def main():
    base_a, base_b, who, mode = sys.argv[1:5]
    cookies = {}
    if mode == "compare":
        sign_in(base_a, who, cookies)
        a, b = dashboard(base_a, cookies), dashboard(base_b, cookies)
        rows = a.count("<tr") - 1
        print(f"dashboards: {'agree' if a == b else 'differ'} ({rows} loops)")
        if a != b:
            print("A:", a, "\nB:", b)
            return 1
        return 0

    writes = int(mode)
    link_path = urllib.parse.urlparse(who).path
    form = urllib.parse.urlencode({"password": PASSWORD, "confirm": PASSWORD})
    status, _ = request(base_a, "POST", link_path, form, cookies, "application/x-www-form-urlencoded")
    if status != 303:
        raise SystemExit(f"setting the password gave {status}")
    sign_in(base_a, "officer@example.org", cookies)
    # The session made on A is good on B: sessions live in the database, not in a server.
    status, page = request(base_b, "GET", "/activities/GP", cookies=cookies)
    if status != 200 or "Sign out" not in page:
        raise SystemExit(f"the session from A did not work on B ({status})")
    print("sessions: shared")
    token = csrf(page)

    results = {"ok": 0, "failed": []}
    lock = threading.Lock()

    def write(base, start):
        for number in range(start, writes, 4):
            body = urllib.parse.urlencode({"csrf": token, "contribution-text": f"Web view {number}: the phone queue"})
            try:
                status, text = request(base, "POST", "/activities/GP/contributions", body, dict(cookies),
                                       "application/x-www-form-urlencoded")
            except OSError as error:
                status, text = 0, str(error)
            with lock:
                if status == 303:
                    results["ok"] += 1
                else:
                    results["failed"].append((number, status, text[:200]))

    threads = [threading.Thread(target=write, args=(base, start))
               for start, base in enumerate([base_a, base_b, base_a, base_b])]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"web writes: {results['ok']} ok, {len(results['failed'])} failed")
    for failure in results["failed"][:5]:
        print("  failed:", failure)
    return 0 if not results["failed"] else 1


if __name__ == "__main__":
    sys.exit(main())
