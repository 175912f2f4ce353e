"""Sends an activity's follow-ups through GOV.UK Notify from the staff web app, in headless Chromium,
and waits for Notify's receipts to show one delivered and one bounced on the follow-ups page; axe-core
(WCAG 2.2 A and AA) checks each page on the way.

Usage: python web_notify.py AXE_MIN_JS BASE_URL SET_PASSWORD_LINK
"""
import pathlib
import sys
import time

from web_e2e import PASSWORD, Failure, Officer
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def run(officer, link):
    d = officer.driver
    d.get(link)
    officer.type("password", PASSWORD)
    officer.type("confirm", PASSWORD)
    officer.press("Set password")
    officer.type("email", "officer@example.org")
    officer.type("password", PASSWORD)
    officer.press("Sign in")
    officer.expect("Feedback loops", "signed in")

    officer.open("/activities/N-GP/follow-ups", "follow-ups, before sending")
    officer.expect("Owed: email", "two people are owed an email")
    officer.press("Send follow-ups")
    officer.check_page("send follow-ups: confirm")
    officer.expect("Send 2 follow-ups through GOV.UK Notify?", "sending asks first, with how many")
    officer.press("Send follow-ups")
    officer.check_page("follow-ups, sending")
    officer.expect("through GOV.UK Notify", "the banner says it is sending")

    # Receipts arrive from Notify a moment after each message: reload until both are in.
    deadline = time.time() + 20
    while "1 told · 1 email bounced: check their details." not in d.find_element(By.TAG_NAME, "body").text:
        if time.time() > deadline:
            raise Failure("the receipts did not reach the follow-ups page:\n"
                          + d.find_element(By.TAG_NAME, "body").text[:1500])
        time.sleep(0.5)
        d.get(officer.base + "/activities/N-GP/follow-ups")
    officer.check_page("follow-ups, with a bounce")
    officer.expect("Email bounced", "the bounce is named")
    officer.expect("Check P-BOUNCE’s details", "the bounce links to the person")
    officer.open("/", "dashboard, with a bounce")
    officer.expect("1 told · 1 email bounced: check their details", "the dashboard shows the bounce")


def main() -> int:
    axe = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
    base, link = sys.argv[2], sys.argv[3]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    officer = Officer(driver, axe, base)
    try:
        run(officer, link)
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
