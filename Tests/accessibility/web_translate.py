"""Translations in the staff web app, in headless Chromium: an officer sees which texts need Welsh,
uploads a translator's file, sees every text current, then uploads a file whose English has since
changed and is told which unit and why; axe-core (WCAG 2.2 A and AA) checks each page on the way.

Usage: python web_translate.py AXE_MIN_JS BASE_URL SET_PASSWORD_LINK TRANSLATED_XLF STALE_XLF
"""
import pathlib
import sys

from web_e2e import PASSWORD, Failure, Officer
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def run(officer, link, translated, stale):
    d = officer.driver
    d.get(link)
    officer.type("password", PASSWORD)
    officer.type("confirm", PASSWORD)
    officer.press("Set password")
    officer.type("email", "officer@example.org")
    officer.type("password", PASSWORD)
    officer.press("Sign in")
    officer.expect("Feedback loops", "signed in")

    officer.open("/activities/N-GP/translations", "translations, none yet")
    officer.expect("Welsh (Cymraeg)", "each of the team's languages has a section")
    officer.expect("Urdu (اردو)", "right-to-left languages too")
    officer.expect("Not translated", "the texts still to translate are listed")
    officer.expect("XLIFF file for translation tools", "a file for a translator")

    d.find_element(By.ID, "file").send_keys(translated)
    officer.press("Upload")
    officer.check_page("translations, after an upload")
    officer.expect("imported into Welsh", "the upload says what it did")
    officer.expect("Every text has a current translation", "Welsh is complete")

    d.find_element(By.ID, "file").send_keys(stale)
    officer.press("Upload")
    officer.check_page("translations, a refused upload")
    officer.expect("its source has changed since the export", "a stale unit is refused, and why")

    officer.open("/participants", "participants, with languages")
    officer.expect("Language they hear back in", "a person's language can be recorded")


def main() -> int:
    axe = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
    base, link, translated, stale = sys.argv[2:6]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    officer = Officer(driver, axe, base)
    try:
        run(officer, link, translated, stale)
    except Failure as failure:
        print(f"FAILED: {failure}")
        return 1
    except Exception as error:
        print(f"FAILED at {driver.current_url}: {type(error).__name__}: {error}")
        return 1
    finally:
        driver.quit()
    print(f"{officer.pages} page views checked, {officer.violations} violations,"
          f" {officer.too_wide} pages wider than 320px")
    return 1 if officer.violations or officer.too_wide else 0


if __name__ == "__main__":
    sys.exit(main())
