"""Runs axe-core (WCAG 2.2 A and AA rules) on HTML files in headless Chromium.

Usage: python axe_check.py AXE_MIN_JS FILE.html...
Prints each violation (rule, impact, where) and exits 1 if there are any, 0 if there are none.
"""
import json
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def main() -> int:
    axe = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=390,844"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    failures = 0
    try:
        for name in sys.argv[2:]:
            path = pathlib.Path(name).resolve()
            driver.get(path.as_uri())
            driver.execute_script(axe)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: %s}})"
                ".then(r => done(r)).catch(e => done({error: String(e)}));" % json.dumps(TAGS))
            if "error" in result:
                print(f"{path.name}: axe failed: {result['error']}")
                failures += 1
                continue
            violations = result["violations"]
            print(f"{path.name}: {len(result['passes'])} rules passed, {len(violations)} violated")
            for violation in violations:
                failures += 1
                targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
                print(f"  {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    finally:
        driver.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
