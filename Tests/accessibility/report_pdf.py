"""Prints a report to an A4 PDF in headless Chromium and checks no word is broken across lines.

Usage: python report_pdf.py REPORT.html
Every word of three or more letters in the PDF's text must be a word of the page as a browser shows
it: a word broken mid-way ("Acti viti es") leaves fragments that are not. Prints the page count and
any fragments, and exits 1 if there are any.
"""
import base64
import io
import pathlib
import re
import sys

from pypdf import PdfReader
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.print_page_options import PrintOptions

WORD = re.compile(r"[A-Za-z]{3,}")
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb06": "st"}


def main() -> int:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        path = pathlib.Path(sys.argv[1]).resolve()
        driver.get(path.as_uri())
        words = set(WORD.findall(driver.execute_script("return document.body.innerText")))
        settings = PrintOptions()
        settings.page_width = 21.0
        settings.page_height = 29.7
        pdf = base64.b64decode(driver.print_page(settings))
    finally:
        driver.quit()
    reader = PdfReader(io.BytesIO(pdf))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    for ligature, letters in LIGATURES.items():
        text = text.replace(ligature, letters)
    fragments = sorted({word for word in WORD.findall(text) if word not in words})
    print(f"{path.name}: {len(reader.pages)} A4 pages, {len(set(WORD.findall(text)))} words")
    for fragment in fragments:
        print(f"  broken: {fragment}")
    return 1 if fragments else 0


if __name__ == "__main__":
    sys.exit(main())
