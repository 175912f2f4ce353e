"""Drives the staff web app in headless Chromium as an engagement officer would, and runs axe-core
(WCAG 2.2 A and AA) on every page on the way, including forms showing errors.

Usage: python web_e2e.py AXE_MIN_JS BASE_URL SET_PASSWORD_LINK CSV_FILE SITE_FOLDER
Prints each step and each page's axe result; exits 1 at the first failed step or if any page has
a violation.
"""
import json
import pathlib
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PASSWORD = "kettle orbit lantern moss"


class Failure(Exception):
    pass


class Officer:
    def __init__(self, driver, axe, base):
        self.driver, self.axe, self.base = driver, axe, base
        self.violations = 0
        self.pages = 0
        self.too_wide = 0

    WIDTHS = (1366, 390, 320)

    def check_page(self, name):
        """Runs axe on the page now shown at each width, and checks that at 320 CSS px nothing is
        wider than the screen (WCAG 1.4.10): the page does not scroll sideways."""
        for width in self.WIDTHS:
            self.driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
            self.driver.execute_script(self.axe)
            result = self.driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: %s}})"
                ".then(r => done(r)).catch(e => done({error: String(e)}));" % json.dumps(TAGS))
            if "error" in result:
                raise Failure(f"{name} at {width}px: axe failed: {result['error']}")
            violations = result["violations"]
            self.pages += 1
            print(f"{name} at {width}px: {len(result['passes'])} rules passed, {len(violations)} violated")
            for violation in violations:
                self.violations += 1
                targets = [", ".join(node["target"]) for node in violation["nodes"]][:5]
                print(f"  {violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
            if width == 320:
                wide = self.driver.execute_script(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;")
                if wide > 0:
                    self.too_wide += 1
                    culprits = self.driver.execute_script(
                        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                        " > document.documentElement.clientWidth + 1 && !e.closest('.scroll'))"
                        ".slice(0, 5).map(e => e.tagName + '.' + e.className);")
                    print(f"  too wide at 320px by {wide}px: {culprits}")
        self.driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    def open(self, path, name):
        self.driver.get(self.base + path)
        self.check_page(name)

    def type(self, field, text):
        element = self.driver.find_element(By.ID, field)
        element.clear()
        element.send_keys(text)

    def choose(self, field, value):
        Select(self.driver.find_element(By.ID, field)).select_by_value(value)

    def tick(self, field):
        box = self.driver.find_element(By.ID, field)
        if not box.is_selected():
            box.click()

    def tick_value(self, name, value):
        box = self.driver.find_element(By.CSS_SELECTOR, f"input[name='{name}'][value='{value}']")
        if not box.is_selected():
            box.click()

    def next_page(self, element):
        """Clicks `element` and waits until the next page has loaded (a marker on this one is gone)."""
        self.driver.execute_script("window.yswdPreviousPage = true;")
        element.click()
        WebDriverWait(self.driver, 20).until(lambda d: d.execute_script(
            "return window.yswdPreviousPage === undefined && document.readyState === 'complete';"))

    def press(self, text):
        """Submits a form and waits for the next page."""
        self.next_page(self.driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']"))

    def follow(self, text):
        self.next_page(self.driver.find_element(By.LINK_TEXT, text))

    def expect(self, text, step):
        body = self.driver.find_element(By.TAG_NAME, "body").text
        if text not in body:
            raise Failure(f"{step}: the page does not say '{text}'. It says:\n{body[:1500]}")
        print(f"ok: {step}")


def run(officer, link, csv, site):
    d = officer.driver
    # Set a password from the one-time link: a common one is refused first.
    d.get(link)
    officer.check_page("set password")
    officer.type("password", "Password2024!")
    officer.type("confirm", "Password2024!")
    officer.press("Set password")
    officer.check_page("set password, with an error")
    officer.expect("There is a problem", "a common password is refused")
    officer.type("password", PASSWORD)
    officer.type("confirm", PASSWORD)
    officer.press("Set password")
    officer.check_page("sign in")
    officer.expect("Your password is set", "password set")

    # Sign in: a wrong password first.
    officer.type("email", "officer@example.org")
    officer.type("password", "not the password")
    officer.press("Sign in")
    officer.check_page("sign in, with an error")
    officer.expect("Enter a correct email address and password", "a wrong password is refused")
    officer.type("email", "officer@example.org")
    officer.type("password", PASSWORD)
    officer.press("Sign in")
    officer.check_page("dashboard")
    officer.expect("Feedback loops", "signed in")

    # Add an activity through the form, after a refused first try.
    officer.open("/activities/new", "add an activity")
    officer.type("ref", "bad ref")
    officer.type("closes", "31/02/2026")
    officer.press("Save")
    officer.check_page("add an activity, with errors")
    officer.expect("There is a problem", "a bad activity is refused")
    officer.type("ref", "E2E-GP")
    officer.type("title", "Booking a GP appointment")
    officer.type("purpose", "Understand why booking is hard")
    officer.type("can-influence", "How the phone line works")
    officer.choose("level", "consult")
    officer.type("lead", "Olive Officer")
    officer.type("public-contact", "engage@example.nhs.uk")
    officer.type("opens", "05/01/2026")
    officer.type("closes", "2026-02-27")
    officer.type("feedback-by", "31/01/2027")
    officer.tick("feedback-channel")
    officer.press("Save")
    officer.check_page("the activity")
    officer.expect("Booking a GP appointment", "activity added")

    # Import an Excel export (Windows-1252) with the survey tool's own method words and email
    # addresses but no respondent reference.
    officer.follow("Import contributions")
    officer.check_page("import: upload")
    d.find_element(By.ID, "file").send_keys(csv)
    officer.press("Upload")
    officer.check_page("import: columns")
    officer.expect("It was read as Windows-1252 (Excel on Windows)", "the encoding is found")
    officer.expect("on the phone at the café", "the preview reads the accents")
    officer.tick_value("text-column", "Your views")
    officer.choose("date-column", "Submitted")
    officer.choose("method-column", "How did you respond?")
    officer.choose("email-column", "Email address")
    officer.tick("contact-wants-feedback")
    officer.press("Check the file")
    officer.check_page("import: method words not yet said, with errors")
    officer.expect("Choose what ‘Online survey’ means", "each method word needs a meaning")
    officer.choose("method-1", "online")
    officer.choose("method-2", "survey")
    officer.press("Check the file")
    officer.check_page("import: checked")
    officer.expect("No problems found. Importing will add 4 contributions from 4 rows", "the check counts")
    officer.expect("3 people asked to hear back and left contact details", "the check counts who is owed")
    officer.press("Import")
    officer.check_page("contributions, just imported")
    officer.expect("Imported 4 contributions from 4 rows; 3 new participants", "the import says what it did")

    # A theme created on the theming page, then theming in bulk with select-all.
    officer.open("/activities/E2E-GP/theming", "theming")
    officer.press("Link to the theme")
    officer.check_page("theming, nothing ticked, with errors")
    officer.expect("Tick at least one contribution", "linking needs a tick")
    officer.type("new-key", "phone")
    officer.type("new-said", "Waiting on the phone")
    officer.press("Create the theme")
    officer.check_page("theming, theme created")
    officer.expect("Theme phone created", "a theme is created on the theming page")
    officer.type("new-key", "parking")
    officer.type("new-said", "Parking at the surgery")
    officer.press("Create the theme")
    officer.type("q", "phone")
    officer.press("Show them")
    officer.check_page("theming, filtered")
    officer.press("Tick every one on this page")
    officer.choose("theme", "phone")
    officer.press("Link to the theme")
    officer.check_page("theming, after linking")
    officer.expect("3 contributions linked to theme phone", "theming in bulk")
    officer.open("/activities/E2E-GP/theming", "theming, the rest")
    officer.tick("all-matching")
    officer.choose("theme", "parking")
    officer.press("Link to the theme")
    officer.expect("1 contribution linked to theme parking", "every one that matches")
    officer.expect("0 contributions match", "every contribution themed")

    # A decision and an explanation, each on its part of the activity.
    officer.open("/activities/E2E-GP/decisions", "the activity: decisions")
    officer.type("decision-key", "call-back")
    officer.type("decision-text", "We added a call-back option to the phone line")
    officer.tick_value("decision-responds-to", "phone")
    officer.choose("decision-status", "done")
    officer.press("Add the decision")
    officer.expect("We added a call-back option", "decision added")
    officer.expect("Decision added.", "the banner says what changed")
    officer.follow("You said: themes")
    officer.check_page("the activity: themes")
    officer.choose("explain-theme", "parking")
    officer.type("explain-why", "The car park belongs to the council")
    officer.choose("explain-category", "outside-control")
    officer.press("Save the explanation")
    officer.check_page("the activity: themes, answered")
    officer.expect("Explanation saved. The loop is now ready to publish", "the banner says the loop is ready")
    officer.follow("Overview")
    officer.check_page("the activity, answered")
    officer.expect("Ready to publish", "the loop is ready to publish")

    # Publish: preview with its banner, check, confirm, the done page.
    officer.follow("Publish an update")
    officer.check_page("publish")
    officer.follow("Web page")
    officer.check_page("preview: the update as published")
    officer.expect("You said", "the preview is the update")
    officer.expect("Preview – not published", "the preview says it is not published")
    officer.follow("Back to publishing")
    officer.press("Continue")
    officer.check_page("publish: check before you publish")
    officer.expect("Check before you publish update 1", "publishing asks first")
    officer.press("Publish update 1")
    officer.check_page("publish: done")
    officer.expect("Update 1 recorded", "update recorded")
    officer.expect("3 people are owed a personal follow-up", "what happens next")

    # Follow-ups: one person's marked sent.
    officer.follow("Personal follow-ups")
    officer.check_page("follow-ups")
    officer.expect("Owed: email", "each person's status")
    officer.press("Mark the ticked follow-ups as sent")
    officer.check_page("follow-ups, nothing ticked, with errors")
    officer.expect("Tick each person whose follow-up was sent", "marking needs a tick")
    officer.tick("person")
    officer.press("Mark the ticked follow-ups as sent")
    officer.check_page("follow-ups: confirm")
    officer.expect("follow-up as sent?", "marking sent asks first")
    officer.press("Mark as sent")
    officer.check_page("follow-ups, one sent")
    officer.expect("1 follow-up marked sent", "one person marked sent")
    officer.expect("sent by email on", "who was told, and how")

    # The published decision changes, with a reason: the loop reopens, and history says so.
    officer.open("/activities/E2E-GP/decisions/call-back", "a decision")
    officer.type("text", "We added a call-back option, open 8am to 6pm")
    officer.type("reason", "We extended the hours after more feedback")
    officer.press("Save the change")
    officer.check_page("the activity, reopened")
    officer.expect("The loop is reopened: an updated answer is due by", "the banner says the loop reopened")
    officer.open("/history?from=31/02/2026", "history, with a date that is not one")
    officer.expect("From must be a date", "a bad date is refused")
    officer.follow("History")
    officer.check_page("history")
    officer.expect("Changed decision call-back: text: “We added a call-back option to the phone line” → "
                   "“We added a call-back option, open 8am to 6pm”. Why: “We extended the hours after more feedback”.",
                   "history says the change with before, after and why")

    # The site, built to the folder an admin sets.
    officer.open("/users", "users and settings")
    officer.type("setting-site-folder", site)
    officer.press("Save Site folder on the server")
    officer.check_page("users and settings, saved")
    officer.open("/activities/E2E-GP/publish", "publish, again")
    officer.press("Build the site")
    officer.check_page("site built")
    officer.expect("The site is built", "the site is built to the folder")

    for path, name in (("/", "dashboard"), ("/activities", "activities"), ("/activities?q=booking", "search"),
                       ("/users", "users and settings"), ("/activities/E2E-GP/edit", "change the activity"),
                       ("/activities/E2E-GP/themes/phone", "a theme"),
                       ("/activities/E2E-GP/decisions/call-back", "a decision"),
                       ("/activities/E2E-GP/contributions", "the activity: contributions"),
                       ("/activities/E2E-GP/updates", "the activity: updates"),
                       ("/activities/E2E-GP/learning", "the activity: what we learned"),
                       ("/history?activity=E2E-GP", "the activity: history"),
                       ("/activities/E2E-GP/contributions/1", "a contribution"),
                       ("/participants", "participants"), ("/organisations", "organisations"),
                       ("/site/index.html", "the public site"),
                       ("/no-such-page", "not found")):
        officer.open(path, name)

    officer.press("Sign out")
    officer.check_page("signed out")
    officer.expect("You have signed out", "signed out")
    d.get(officer.base + "/")
    officer.expect("Sign in to yswd", "pages need a session again")


def main() -> int:
    axe = pathlib.Path(sys.argv[1]).read_text(encoding="utf-8")
    base, link, csv, site = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1366,900"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(60)
    officer = Officer(driver, axe, base)
    try:
        run(officer, link, csv, site)
    except Failure as failure:
        print(f"FAILED: {failure}")
        return 1
    except Exception as error:  # a missing element: say where we were
        print(f"FAILED at {driver.current_url}: {type(error).__name__}: {error}")
        return 1
    finally:
        driver.quit()
    print(f"{officer.pages} page views checked, {officer.violations} violations,"
          f" {officer.too_wide} pages wider than 320px")
    return 1 if officer.violations or officer.too_wide else 0


if __name__ == "__main__":
    sys.exit(main())
