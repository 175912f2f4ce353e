"""What the hardening scripts share: requests as a browser sends them, with a cookie jar."""
import http.client
import re
import urllib.parse

PASSWORD = "kettle orbit lantern moss"


def request(base, method, path, body=None, cookies=None, content_type=None):
    host = urllib.parse.urlparse(base)
    connection = http.client.HTTPConnection(host.hostname, host.port, timeout=60)
    headers = {"Origin": base}
    if cookies:
        headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
    if content_type:
        headers["Content-Type"] = content_type
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    for header, value in response.getheaders():
        if header.lower() == "set-cookie" and cookies is not None:
            name, _, rest = value.partition("=")
            cookies[name] = rest.split(";")[0]
    connection.close()
    return response.status, text


def csrf(text):
    match = re.search(r'name="csrf" value="([^"]+)"', text)
    return match.group(1) if match else ""


def sign_in(base, email, cookies):
    status, page = request(base, "GET", "/sign-in", cookies=cookies)
    form = urllib.parse.urlencode({"email": email, "password": PASSWORD, "csrf": csrf(page), "next": "/"})
    status, _ = request(base, "POST", "/sign-in", form, cookies, "application/x-www-form-urlencoded")
    if status != 303:
        raise SystemExit(f"signing in gave {status}")
