"""Checks that a letter's name and address sit inside a DL envelope's window when printed.

Usage: python letter_window.py LETTER.html...
Each letter is opened in headless Chromium as print media; every line of the recipient block must
lie inside the window: 20 to 110 mm from the left of the sheet, 50 to 85 mm from its top. Prints
each line with where it is, and exits 1 if any line is outside, 0 if all are inside.
"""
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

MM = 96 / 25.4  # CSS pixels per millimetre
WINDOW = {"left": 20, "right": 110, "top": 50, "bottom": 85}

LINES = """
const sheet = document.querySelector('.sheet').getBoundingClientRect();
const lines = [];
const walker = document.createTreeWalker(document.querySelector('.recipient'), NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.textContent.trim()) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  for (const r of range.getClientRects()) {
    lines.push({text: node.textContent.trim(), left: r.left - sheet.left, right: r.right - sheet.left,
                top: r.top - sheet.top, bottom: r.bottom - sheet.top});
  }
}
return lines;
"""


def main() -> int:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,1700"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = 0
    try:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
        for name in sys.argv[1:]:
            path = pathlib.Path(name).resolve()
            driver.get(path.as_uri())
            lines = driver.execute_script(LINES)
            print(f"{path.name}: {len(lines)} lines")
            for line in lines:
                box = {key: line[key] / MM for key in ("left", "right", "top", "bottom")}
                inside = (box["left"] >= WINDOW["left"] - 0.5 and box["right"] <= WINDOW["right"] + 0.5
                          and box["top"] >= WINDOW["top"] - 0.5 and box["bottom"] <= WINDOW["bottom"] + 0.5)
                failures += 0 if inside else 1
                print(f"  {'inside ' if inside else 'OUTSIDE'} {box['left']:.1f}-{box['right']:.1f} mm across, "
                      f"{box['top']:.1f}-{box['bottom']:.1f} mm down: {line['text']}")
    finally:
        driver.quit()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
