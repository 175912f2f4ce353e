"""Uploads to a running `yswd serve` as a browser does (issue 21).

    python3 upload_kill.py BASE LINK kill PID     sets a password from LINK, signs in, starts uploading
                                                 a 5 MB CSV to activity GP and, 2 MB in, kills the
                                                 server (SIGKILL)
    python3 upload_kill.py BASE EMAIL upload      signs in (the password set before) and uploads a
                                                 small CSV with a participant's email to GP in full

Prints what happened; exits 1 when a step does not go as a browser would see it.
"""
import os
import signal
import socket
import sys
import time
import urllib.parse

from web_client import PASSWORD, csrf, request, sign_in


def multipart(token, content):
    head = (f"--b\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n"
            "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"survey.csv\"\r\n\r\n").encode()
    return head + content + b"\r\n--b--\r\n"


def main():
    base, who, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    cookies = {}
    if mode == "kill":
        link_path = urllib.parse.urlparse(who).path
        form = urllib.parse.urlencode({"password": PASSWORD, "confirm": PASSWORD})
        status, _ = request(base, "POST", link_path, form, cookies, "application/x-www-form-urlencoded")
        if status != 303:
            raise SystemExit(f"setting the password gave {status}")
        sign_in(base, "officer@example.org", cookies)
    else:
        sign_in(base, who, cookies)
    status, page = request(base, "GET", "/activities/GP/import", cookies=cookies)
    token = csrf(page)
    if mode == "upload":
        content = b"Text,Email\r\nThe phone queue is too long,jo.private@example.org\r\n"
        status, _ = request(base, "POST", "/activities/GP/import", multipart(token, content), cookies,
                            "multipart/form-data; boundary=b")
        print(f"uploaded in full: {status}")
        return 0 if status == 303 else 1
    row = b"The phone queue is far too long and nobody answers,someone@example.org\r\n"
    body = multipart(token, b"Text,Email\r\n" + row * (5_000_000 // len(row)))
    host = urllib.parse.urlparse(base)
    connection = socket.create_connection((host.hostname, host.port))
    head = (f"POST /activities/GP/import HTTP/1.1\r\nHost: {host.netloc}\r\nOrigin: {base}\r\n"
            f"Cookie: {'; '.join(f'{k}={v}' for k, v in cookies.items())}\r\n"
            f"Content-Type: multipart/form-data; boundary=b\r\nContent-Length: {len(body)}\r\n\r\n").encode()
    connection.sendall(head + body[:2_000_000])
    time.sleep(0.5)
    os.kill(int(sys.argv[4]), signal.SIGKILL)
    print("killed the server 2 MB into a 5 MB upload")
    connection.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
