#!/usr/bin/python3
"""The browser test of `hanji serve` and its page (issue 19), against the real server.

Copies examples/yeongdeungpo-2018 into a temporary folder, adds an editor, a second editor and
a reader with `hanji user add`, starts `hanji serve` on a free port and drives Debian's Chromium
headless through Selenium:

- an editor changes the place in meeting 14's form, the preview image changes, the save writes
  the file and `.hanji/history/` keeps the old version; a second editor whose page was open
  before that save saves too and gets the conflict message naming who saved, then loads it;
- a diagnostic from the check shows at the field it is about (the time, an attendee's status,
  a turn's speaker), and an edit made on disk while the page is open is a conflict too;
- the attendance grid by arrow keys, turns moved, summary lines added, photos uploaded through
  the file input and by drop, the text tab's diagnostics by line;
- a reader is offered only the public edition, and a direct GET of the official one is 403;
  printing opens the PDF in a new tab; the pager; logging out;
- a record holding `<script>`, quotes and `{{x}}` shows them as text in the overview, the form
  and the text tab (no alert, no injected element).

Run with Debian's python (`make test-browser`). HANJI names the program (default
.build/debug/hanji). Screenshots go to out/browser/. The server is killed at the end, always.
"""
import glob
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request
from pathlib import Path

import yaml
from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parents[2]
HANJI = os.environ.get("HANJI", str(ROOT / ".build" / "debug" / "hanji"))
SHOTS = ROOT / "out" / "browser"
EXAMPLE = ROOT / "examples" / "yeongdeungpo-2018"
PASSWORD = "hanji-browser-test"
EDITOR, EDITOR2, READER = "김민지", "박준호", "이유나"
MEETING = "minutes-14.yaml"
# What a record may hold that must never be read as markup or a template.
NASTY = '<script>alert(1)</script> "quotes" {{x}}'
NASTY_YAML = "'" + NASTY.replace("'", "''") + "'"
WAIT = 30


# Drops a small PNG drawn on a canvas on the photo drop zone, as a file dragged from the desktop.
DROP_PHOTO = """
const done = arguments[arguments.length - 1];
const canvas = document.createElement('canvas');
canvas.width = 64; canvas.height = 48;
const pen = canvas.getContext('2d');
pen.fillStyle = '#2a6'; pen.fillRect(0, 0, 64, 48);
canvas.toBlob((blob) => {
  const data = new DataTransfer();
  data.items.add(new File([blob], 'Dropped Photo.PNG', { type: 'image/png' }));
  document.querySelector('.dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  done();
}, 'image/png');
"""


def as_json(tree):
    """A YAML tree compared as JSON (a date and its ISO text alike)."""
    return json.loads(json.dumps(tree, default=str, ensure_ascii=False))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`hanji serve` on a copy of the example year, with three accounts."""

    def __init__(self):
        self.folder = Path(tempfile.mkdtemp(prefix="hanji-browser-")) / "year"
        shutil.copytree(EXAMPLE, self.folder)
        self.plant_nasty_text()
        self.plant_problems()
        for name, role in ((EDITOR, "editor"), (EDITOR2, "editor"), (READER, "reader")):
            done = subprocess.run([HANJI, "user", "add", name, "--folder", str(self.folder), "--role", role],
                                  input=PASSWORD + "\n", capture_output=True, text=True, timeout=60)
            if done.returncode:
                raise RuntimeError(f"hanji user add {name} failed ({done.returncode}): {done.stderr.strip()}")
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(self.folder.parent / "serve.log", "w+")
        self.process = subprocess.Popen([HANJI, "serve", str(self.folder), "--port", str(self.port)],
                                        stdout=self.log, stderr=subprocess.STDOUT, cwd=ROOT)
        self.wait_healthy()

    def plant_nasty_text(self):
        """Meeting 13's body and a turn, and a project of the year, hold the nasty text."""
        record = self.folder / "minutes-13.yaml"
        text = record.read_text(encoding="utf-8")
        lines = text.split("\n")
        body = next(i for i, line in enumerate(lines) if line.startswith("body:"))
        lines[body] = f"body: {NASTY_YAML}"
        record.write_text("\n".join(lines), encoding="utf-8")
        year = self.folder / "year.yaml"
        text = year.read_text(encoding="utf-8")
        first = "  - {title: 2019 구민 주도의 지역사회 협치문화 확산,"
        assert first in text, "year.yaml's first project moved: update the test"
        year.write_text(text.replace(first, f"  - {{title: {NASTY_YAML},", 1), encoding="utf-8")

    def plant_problems(self):
        """Meeting 11: its first turn's speaker is not in the attendance (a warning at
        agenda[0].transcript[0]) and 나래솔's status is not one (an error at
        attendance[0].members[1].status)."""
        record = self.folder / "minutes-11.yaml"
        lines = record.read_text(encoding="utf-8").split("\n")
        turn = next(i for i, line in enumerate(lines) if line.strip() == "- 협치조정관: |")
        lines[turn] = lines[turn].replace("협치조정관:", "협치조정관님:")
        person = next(i for i, line in enumerate(lines) if line.strip() == "name: 나래솔")
        status = next(i for i in range(person, len(lines)) if lines[i].strip().startswith("status:"))
        lines[status] = lines[status].split("status:")[0] + "status: 출석"
        record.write_text("\n".join(lines), encoding="utf-8")

    def wait_healthy(self):
        deadline = time.time() + WAIT
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"hanji serve exited with {self.process.returncode}:\n{self.output()}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"hanji serve did not answer /healthz within {WAIT} s:\n{self.output()}")

    def output(self):
        self.log.flush()
        self.log.seek(0)
        return self.log.read()[-4000:]

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()
        shutil.rmtree(self.folder.parent, ignore_errors=True)


def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--disable-gpu", "--disable-dev-shm-usage", "--no-sandbox",
                     "--window-size=1440,1000", "--lang=ko-KR", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(WAIT)
    return driver


class Page:
    """One browser session on the page, with the steps the tests take."""

    def __init__(self, test, server):
        self.test, self.server = test, server
        self.driver = browser()
        test.addCleanup(self.driver.quit)

    def wait(self, condition, message, timeout=WAIT):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1,
                                 ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: condition())
        except TimeoutException:
            self.shot("failed")
            console = "\n".join(entry["message"] for entry in self.driver.get_log("browser"))
            self.test.fail(f"{message} (within {timeout} s); status line: {self.status()!r}"
                           + (f"\nbrowser console:\n{console}" if console else ""))

    def settled(self):
        """Waits until no check or preview of the record is under way (their answers redraw marks)."""
        self.wait(lambda: self.driver.execute_script(
            "return !document.getElementById('meeting-view').dataset.checking"
            " && !document.getElementById('preview').hasAttribute('aria-busy')"), "the check or preview never ends")

    def described(self, element):
        """The text of what an element's aria-describedby names."""
        return self.driver.execute_script(
            "const ids = (arguments[0].getAttribute('aria-describedby') || '').split(' ').filter(Boolean);"
            "return ids.map((id) => document.getElementById(id)?.textContent || '').join(' ')", element)

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def finds(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def visible(self, element_id):
        found = self.finds(f"#{element_id}")
        return bool(found) and found[0].is_displayed()

    def status(self):
        found = self.finds("#status")
        return found[0].text if found else ""

    def shot(self, name):
        SHOTS.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(SHOTS / f"{name}.png"))

    def no_alert(self, where):
        try:
            alert = self.driver.switch_to.alert
            text = alert.text
            alert.dismiss()
            self.test.fail(f"{where}: an alert opened ({text!r}): record text ran as script")
        except NoAlertPresentException:
            pass

    def login(self, name):
        self.driver.get(self.server.base + "/")
        self.wait(lambda: self.visible("login-view") or self.visible("overview-view"), "no login form on /")
        if self.visible("overview-view"):
            self.find("#logout").click()
            self.wait(lambda: self.visible("login-view"), "logging out shows no login form")
        if not (SHOTS / "00-login.png").exists():
            self.shot("00-login")
        self.find("#login-name").send_keys(name)
        self.find("#login-password").send_keys(PASSWORD)
        self.find("#login-form button[type=submit]").click()
        self.wait(lambda: self.visible("overview-view") or self.find("#login-error").text,
                  f"{name} logging in sees neither the year overview nor an error")
        refused = self.find("#login-error").text
        self.test.assertFalse(refused, f"{name} could not log in: {refused}")
        self.wait(lambda: self.finds(f'a[data-open="{MEETING}"]'), "the overview lists no meeting 14")

    def open_meeting(self, path, printable=True):
        self.find(f'a[data-open="{path}"]').click()
        self.wait(lambda: self.visible("meeting-view"), f"{path} does not open")
        if printable:
            self.wait(lambda: self.preview_digest(), f"{path}: no preview image")
        self.settled()

    def preview_digest(self):
        image = self.find("#preview-img")
        return image.get_attribute("data-digest") if image.is_displayed() else None

    def preview_src(self):
        return self.find("#preview-img").get_attribute("src")

    def type_into(self, css, text):
        control = self.find(css)
        control.send_keys(Keys.CONTROL, "a")
        control.send_keys(text)
        return control

    def fetch_status(self, url):
        """The status of a GET made by the page itself (its cookie, its origin)."""
        return self.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status), e => done(String(e)));", url)


class ServeTest(unittest.TestCase):
    server = None

    @classmethod
    def setUpClass(cls):
        if not Path(HANJI).exists():
            raise unittest.SkipTest(f"no program at {HANJI}: build it first (swift build --product hanji)")
        shutil.rmtree(SHOTS, ignore_errors=True)
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        if cls.server:
            cls.server.stop()

    def test_edit_preview_save_and_conflict(self):
        path = self.server.folder / MEETING
        before = path.read_bytes()
        first, second = Page(self, self.server), Page(self, self.server)
        first.login(EDITOR)
        first.shot("01-overview")
        second.login(EDITOR2)
        first.open_meeting(MEETING)
        second.open_meeting(MEETING)
        first.shot("02-meeting")

        # A diagnostic shows at the field it is about.
        time_field = first.type_into('input[data-path="time"]', "99:99")
        first.settled()
        self.assertEqual(time_field.get_attribute("aria-invalid"), "true", "a wrong time gets no aria-invalid on the time field")
        message = first.described(time_field)
        self.assertIn("99:99", message, f"the time field's message says nothing of the wrong time: {message!r}")
        first.shot("03-diagnostic-at-field")
        first.type_into('input[data-path="time"]', "18:30")
        first.settled()
        self.assertNotEqual(time_field.get_attribute("aria-invalid"), "true", "the fixed time stays marked invalid")

        # The place changes, the preview follows.
        digest, src = first.preview_digest(), first.preview_src()
        first.type_into('input[data-path="place"]', "영등포구청 본관 5층 기획상황실")
        first.settled()
        self.assertNotIn(first.preview_digest(), (None, digest), "the preview image's bytes did not change with the place")
        self.assertNotEqual(first.preview_src(), src, "the preview image's src did not change with the place")
        first.shot("04-preview-changed")

        # Saving writes the file and keeps the old one in the history.
        first.find("#save").click()
        first.wait(lambda: "저장했습니다" in first.status(), "saving did not report success")
        after = path.read_bytes()
        self.assertNotEqual(after, before, "the file on disk did not change")
        expected = yaml.safe_load(before)
        expected["place"] = "영등포구청 본관 5층 기획상황실"
        self.assertEqual(as_json(yaml.safe_load(after)), as_json(expected),
                         "the form's save changed more than the place (keys the form does not edit must stay)")
        kept = [f for f in glob.glob(str(self.server.folder / ".hanji" / "history" / "**"), recursive=True)
                if os.path.isfile(f) and Path(f).read_bytes() == before]
        self.assertTrue(kept, ".hanji/history/ holds no copy of the version before the save")
        first.shot("05-saved")

        # The second editor's page was opened before that save: their save is a conflict.
        second.type_into('input[data-path="place"]', "한우리카페 창가 자리")
        second.wait(lambda: second.find("#save").is_enabled(), "the second editor's change does not enable 저장")
        second.find("#save").click()
        second.wait(lambda: second.visible("conflict"), "a stale save shows no conflict message")
        conflict = second.find("#conflict-message").text
        self.assertIn(EDITOR, conflict, f"the conflict message does not name who saved: {conflict!r}")
        self.assertIn("먼저 저장", conflict, f"the conflict message does not say what happened: {conflict!r}")
        self.assertEqual(path.read_bytes(), after, "a stale save changed the file")
        second.shot("06-conflict")

        # Loading their version: the form shows it, mine stays in the text tab.
        second.find("#conflict-load").click()
        second.wait(lambda: second.visible("panel-text"), "loading their version does not show the text tab")
        mine = second.find("#yaml-text").get_attribute("value")
        self.assertIn("한우리카페 창가 자리", mine, "my version is not kept in the text tab")
        second.find("#tab-form").click()
        place = second.find('input[data-path="place"]').get_attribute("value")
        self.assertEqual(place, "영등포구청 본관 5층 기획상황실", "the form does not show the saved version")
        second.find("#tab-text").click()
        second.wait(lambda: not second.find("#meeting-view").get_attribute("data-checking"), "the check of my version never ends")
        errors = [li.text for li in second.finds("#text-diagnostics li.error")]
        self.assertFalse(errors, f"my version kept as YAML text does not read back: {errors}")
        second.shot("07-their-version-mine-in-text")

        # Saving my version from the text tab now overwrites theirs, as typed.
        second.find("#text-save").click()
        second.wait(lambda: "저장했습니다" in second.status(), "saving my version from the text tab did not succeed")
        self.assertIn("한우리카페 창가 자리", path.read_text(encoding="utf-8"), "my version is not on disk")
        self.assertEqual(path.read_text(encoding="utf-8"), second.find("#yaml-text").get_attribute("value"),
                         "the text tab's save did not write the text as typed")
        first.no_alert("editing")

    def test_keyboard_turns_photos_and_text_tab(self):
        meeting = "minutes-12.yaml"
        page = Page(self, self.server)
        page.login(EDITOR)
        page.open_meeting(meeting)
        turn = lambda j: page.find(f'select[data-path="agenda[0].transcript[{j}]"]')
        speakers = [turn(0).get_attribute("value"), turn(1).get_attribute("value")]

        # A status is chosen with the arrow keys, as in any radio group.
        group = 'attendance[0].members[0].status'
        page.find(f'[data-path="{group}"] input:checked').send_keys(Keys.ARROW_RIGHT)
        chosen = page.find(f'[data-path="{group}"] input:checked').get_attribute("value")
        self.assertEqual(chosen, "위임", "the right arrow in the attendance grid does not choose the next status")
        self.assertIn("저장하지 않은", page.find("#dirty").text, "a status change does not mark the record unsaved")

        # A turn moves down by its button (Enter on the focused button), and focus follows it.
        down = turn(0).find_element(By.XPATH, "ancestor::li").find_element(By.CSS_SELECTOR, '[data-action="down"]')
        down.send_keys(Keys.ENTER)
        page.wait(lambda: turn(1).get_attribute("value") == speakers[0], "the first turn did not move down")
        self.assertEqual(turn(0).get_attribute("value"), speakers[1], "the second turn did not move up")
        focused = page.driver.switch_to.active_element
        self.assertEqual(focused.get_attribute("data-action"), "down", "focus did not stay on the moved turn's button")

        # A summary line is added by keyboard; the focus lands in it.
        lines = len(page.finds('input[data-path^="summary["]'))
        page.find('[data-action="add-summary"]').send_keys(Keys.ENTER)
        focused = page.driver.switch_to.active_element
        self.assertEqual(focused.get_attribute("data-path"), f"summary[{lines}]", "the new summary line does not get the focus")
        focused.send_keys("예산 집행 일정 재확인")

        # A photo chosen with the file input is uploaded and added to the record's photos.
        count = len(page.finds(".photos li"))
        page.find('.dropzone input[type="file"]').send_keys(str(EXAMPLE / "photos" / "seating.png"))
        page.wait(lambda: len(page.finds(".photos li")) == count + 1, "an uploaded photo is not listed")
        uploaded = page.finds(".photos li .file")[-1].text
        self.assertTrue(uploaded.startswith("photos/"), f"the uploaded photo's path is {uploaded!r}")
        self.assertTrue((self.server.folder / uploaded).is_file(), f"{uploaded} is not in the folder")

        # A photo dropped on the drop zone goes the same way.
        page.driver.execute_async_script(DROP_PHOTO)
        page.wait(lambda: len(page.finds(".photos li")) == count + 2, "a dropped photo is not listed")
        dropped = page.finds(".photos li .file")[-1].text
        self.assertTrue((self.server.folder / dropped).is_file(), f"the dropped photo {dropped} is not in the folder")
        page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", page.find(".dropzone"))
        page.shot("12-photos")

        page.find("#save").click()
        page.wait(lambda: "저장했습니다" in page.status(), "saving did not report success")
        saved = (self.server.folder / meeting).read_text(encoding="utf-8")
        self.assertIn(uploaded, saved, "the saved record lacks the uploaded photo")
        self.assertIn("위임", saved, "the saved record lacks the status chosen")
        self.assertIn("예산 집행 일정 재확인", saved, "the saved record lacks the summary line added")

        # The text tab: an unknown key is listed by its line, and the line's button puts the caret there.
        page.find("#tab-text").click()
        area = page.find("#yaml-text")
        area.send_keys(Keys.CONTROL, Keys.END)
        area.send_keys(Keys.ENTER, "plac: 어딘가")
        line = len(area.get_attribute("value").rstrip("\n").split("\n"))
        page.wait(lambda: page.finds(f'#text-diagnostics button[data-line="{line}"]'),
                  f"the unknown key on line {line} is not listed by its line")
        area.send_keys(Keys.CONTROL, Keys.HOME)
        page.settled()
        page.find(f'#text-diagnostics button[data-line="{line}"]').click()
        caret = page.driver.execute_script(
            "const a = document.getElementById('yaml-text'); return a.value.slice(0, a.selectionStart).split('\\n').length")
        self.assertEqual(caret, line, "the line's button does not put the caret on that line")
        self.assertEqual(page.driver.switch_to.active_element.get_attribute("id"), "yaml-text", "the text does not get focus")
        page.shot("13-text-tab-line")
        page.find("#text-revert").click()
        self.assertIn("저장됨", page.find("#dirty").text, "reverting the text leaves the record unsaved")

        # A problem in unsaved text is listed, not pinned to the form, whose controls show the saved
        # record (here the same path: the first member's status).
        page.driver.execute_script(
            "const area = document.getElementById('yaml-text');"
            "area.value = area.value.replace('status: 참석', 'status: 출석');"
            "area.dispatchEvent(new Event('input', { bubbles: true }));")
        page.settled()
        self.assertIn("출석", page.find("#diagnostics-list").text, "the text's problem is not in the list")
        pinned = page.finds('#form-body [aria-invalid="true"]')
        self.assertFalse(pinned, "a problem of unsaved text is pinned to the form's control for the saved record")
        page.find("#text-revert").click()

    def test_problems_at_their_fields_and_an_edit_on_disk(self):
        meeting = "minutes-11.yaml"
        page = Page(self, self.server)
        page.login(EDITOR)
        page.open_meeting(meeting, printable=False)
        self.assertTrue(page.visible("preview-note"), "a record that cannot print does not say so at the preview")
        group = page.find('[data-path="attendance[0].members[1].status"]')
        self.assertEqual(group.get_attribute("aria-invalid"), "true", "a wrong status is not marked at its member's row")
        self.assertIn("출석", page.described(group), "the wrong status's message is not at its member's row")
        page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", group)
        page.shot("14-problem-at-attendance")

        # Choosing a status clears it; the check then reads on to the turns (hanji check stops at
        # the first error of a record) and warns at the turn's speaker picker.
        group.find_element(By.XPATH, './/input[@value="참석"]/..').click()
        page.settled()
        self.assertNotEqual(group.get_attribute("aria-invalid"), "true", "the chosen status stays marked wrong")
        speaker = page.find('select[data-path="agenda[0].transcript[0]"]')
        self.assertIn("협치조정관님", page.described(speaker), "the unknown speaker's warning is not at the turn's speaker")
        page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", speaker)
        page.shot("15-problem-at-turn")
        Select(speaker).select_by_value("협치조정관")
        page.settled()
        self.assertEqual(page.described(speaker), "", "the listed speaker keeps the warning")

        # An edit made on disk (the command line, git) while the page is open is a conflict too.
        path = self.server.folder / meeting
        edited = path.read_text(encoding="utf-8") + "# 명령줄에서 고침\n"
        path.write_text(edited, encoding="utf-8")
        page.type_into('input[data-path="place"]', "영등포구청 별관 2층")
        page.settled()
        page.find("#save").click()
        page.wait(lambda: page.visible("conflict"), "saving over an edit made on disk shows no conflict")
        self.assertEqual(path.read_text(encoding="utf-8"), edited, "the stale save overwrote the edit made on disk")
        page.shot("16-conflict-with-disk")

    def test_reader_gets_the_public_edition_only(self):
        page = Page(self, self.server)
        page.login(READER)
        page.open_meeting(MEETING)
        self.assertTrue(page.finds('#meeting-print a[data-edition="public"]'), "a reader is offered no public print")
        self.assertFalse(page.finds('a[data-edition="official"]'), "a reader is offered the official edition")
        self.assertFalse(page.find("#save").is_displayed(), "a reader is offered a save button")
        official = f"/api/print/minutes/{MEETING}?edition=official"
        self.assertEqual(page.fetch_status(official), 403, f"a reader's GET {official} is not 403")
        self.assertEqual(page.fetch_status(f"/api/print/minutes/{MEETING}?edition=public"), 200,
                         "a reader cannot print the public edition")
        page.shot("08-reader")

        # Printing opens the PDF in a new tab.
        tabs = len(page.driver.window_handles)
        page.find('#meeting-print a[data-doc="minutes"][data-edition="public"]').click()
        page.wait(lambda: len(page.driver.window_handles) == tabs + 1, "printing opens no new tab")
        page.wait(lambda: "새 탭에 열었습니다" in page.status(), "printing does not say the PDF opened")
        main = page.driver.current_window_handle
        page.driver.switch_to.window(page.driver.window_handles[-1])
        page.wait(lambda: page.driver.current_url.startswith("blob:"), "the new tab does not show the printed PDF")
        page.driver.close()
        page.driver.switch_to.window(main)

        # The pager turns to page 2 of the count the server gave; the image says which page it is.
        first_page = page.preview_src()
        page.find("#page-next").click()
        page.settled()
        alt = page.find("#preview-img").get_attribute("alt")
        self.assertIn("2쪽", alt, f"the second page's image does not say so: {alt!r}")
        self.assertNotEqual(page.preview_src(), first_page, "the pager did not change the image")
        self.assertIn("2 /", page.find("#page-label").text, "the page label does not show page 2 of the count")

        # Logging out ends the session.
        page.find("#logout").click()
        page.wait(lambda: page.visible("login-view"), "logging out does not show the login form")
        self.assertEqual(page.fetch_status("/api/session"), 401, "the session lives on after logging out")

    def test_record_text_is_shown_as_text(self):
        page = Page(self, self.server)
        page.login(EDITOR)
        injected = "return document.querySelectorAll('script:not([src]), [onerror], [onload]').length"
        page.wait(lambda: any(NASTY in a.text for a in page.finds("#meetings-body a")),
                  "the overview does not show meeting 13's title as typed")
        page.wait(lambda: any(NASTY == td.text for td in page.finds("#projects-body td")),
                  "the overview does not show the project's title as typed")
        page.no_alert("overview")
        self.assertEqual(page.driver.execute_script(injected), 0, "the overview holds an injected element")
        page.shot("09-text-as-text-overview")

        page.open_meeting("minutes-13.yaml")
        page.no_alert("form")
        self.assertEqual(page.find('input[data-path="body"]').get_attribute("value"), NASTY,
                         "the form's 회의체 field does not hold the text as typed")
        self.assertIn(NASTY, page.find("#meeting-title").text, "the meeting's heading does not show the text")
        self.assertEqual(page.driver.execute_script(injected), 0, "the form holds an injected element")
        page.shot("10-text-as-text-form")

        page.find("#tab-text").click()
        text = page.find("#yaml-text").get_attribute("value")
        self.assertIn(f"body: {NASTY_YAML}", text, "the text tab does not show the line as typed")
        page.no_alert("text tab")
        self.assertEqual(page.driver.execute_script(injected), 0, "the text tab holds an injected element")
        page.shot("11-text-as-text-yaml")


if __name__ == "__main__":
    unittest.main(verbosity=2)
