#!/usr/bin/env python3
"""End-to-end tests of the agent console in a real headless browser.

Debian's chromium and chromium-driver, driven by Selenium, against a real
`parley serve` on a fresh data directory and a free loopback port. The
accessibility scan is axe-core as bundled by axe-selenium-python (nothing is
fetched from the internet).

    python3 Tests/ConsoleBrowserTests/console_browser_test.py \
        --parley .build/debug/parley --out .build/console-browser

Without a browser, a driver or Selenium the tests are skipped and say why;
with CONSOLE_BROWSER_REQUIRED=1 (CI) a missing piece is a failure instead.
Screenshots of the queue and a conversation, at 1280x800 and narrow, go to
the output directory (never committed).
"""

import argparse
import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.error
import urllib.request

ARGS = None
MISSING = []

try:
    from selenium import webdriver
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:
    MISSING.append("the Python package selenium (pip install selenium)")

try:
    from axe_selenium_python import Axe
except ImportError:
    Axe = None
    MISSING.append("the Python package axe-selenium-python (pip install axe-selenium-python)")


def find_browser():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def find_driver():
    for candidate in (shutil.which("chromedriver"), "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"):
        if candidate and os.path.exists(candidate):
            return candidate
    return None


if find_browser() is None:
    MISSING.append("a Chromium browser (apt-get install chromium)")
if find_driver() is None:
    MISSING.append("chromedriver (apt-get install chromium-driver)")

# Events and the page are quick; the machine may be shared and slow.
WAIT = 20


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """A `parley serve` on a fresh installation in a temporary directory."""

    def __init__(self, binary, root):
        self.binary = os.path.abspath(binary)
        self.root = root
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.dirs = ["--data-dir", os.path.join(root, "data"), "--keys-dir", os.path.join(root, "keys")]
        self.log = open(os.path.join(root, "serve.log"), "wb")
        self.process = None

    def parley(self, *arguments):
        return subprocess.run([self.binary, *arguments, *self.dirs], check=True, capture_output=True, text=True, timeout=300).stdout

    def token(self, role, name):
        created = json.loads(self.parley("tokens", "create", "--role", role, "--name", name, "--json"))
        return created["token"], created["id"]

    def start(self):
        self.process = subprocess.Popen(
            [self.binary, "serve", "--port", str(self.port), *self.dirs], stdout=self.log, stderr=subprocess.STDOUT
        )
        deadline = time.monotonic() + 300  # a first start trains the model
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"parley serve exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(f"{self.base}/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, socket.timeout):
                pass
            time.sleep(0.2)  # polling for a server to come up, not a test's timing
        raise RuntimeError("parley serve did not become healthy")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.log.close()

    def call(self, method, path, token=None, body=None, headers=None, raw=False):
        """(status, headers, parsed JSON, or the bytes when raw or not JSON)."""
        request = urllib.request.Request(self.base + path, method=method)
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            request.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(request, data=data, timeout=30) as response:
                content = response.read()
                return response.status, response.headers, content if raw else self._parse(content)
        except urllib.error.HTTPError as error:
            return error.code, error.headers, self._parse(error.read())

    @staticmethod
    def _parse(raw):
        try:
            return json.loads(raw) if raw else None
        except ValueError:
            return raw


@unittest.skipIf(MISSING, "console browser tests skipped: missing " + "; ".join(MISSING))
class ConsoleBrowserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.out = os.path.abspath(ARGS.out)
        os.makedirs(cls.out, exist_ok=True)
        cls.root = tempfile.mkdtemp(prefix="parley-console-")
        cls.server = Server(ARGS.parley, cls.root)
        # Made-up names only.
        cls.admin, _ = cls.server.token("admin", "Ada Admin")
        cls.dana, cls.dana_id = cls.server.token("agent", "Dana Example")
        cls.lee, _ = cls.server.token("agent", "Lee Example")
        cls.auditor, _ = cls.server.token("auditor", "Avery Auditor")
        cls.channel, _ = cls.server.token("channel", "Web chat")
        cls.server.start()
        options = webdriver.ChromeOptions()
        options.binary_location = find_browser()
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,800",
                         "--no-first-run", "--disable-extensions", "--disable-background-networking", "--disable-sync"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        cls.driver = webdriver.Chrome(service=Service(find_driver()), options=options)
        cls.driver.set_window_size(1280, 800)

    @classmethod
    def tearDownClass(cls):
        try:
            cls.driver.quit()
        finally:
            cls.server.stop()
            shutil.rmtree(cls.root, ignore_errors=True)

    # Helpers

    def wait(self, condition, timeout=WAIT, message=""):
        return WebDriverWait(self.driver, timeout).until(condition, message)

    def visible(self, element_id):
        return self.wait(EC.visibility_of_element_located((By.ID, element_id)), message=f"#{element_id} never became visible")

    def open_console(self):
        self.driver.get(self.server.base + "/console")
        self.wait(lambda d: d.find_element(By.ID, "sign-in-view").is_displayed() or d.find_element(By.ID, "who").is_displayed())

    def sign_in(self, token):
        self.open_console()
        if self.driver.find_element(By.ID, "who").is_displayed():
            self.sign_out()
        field = self.visible("token")
        field.clear()
        field.send_keys(token)
        field.send_keys(Keys.ENTER)
        self.visible("who")

    def sign_out(self):
        self.driver.find_element(By.ID, "sign-out").click()
        self.visible("sign-in-view")

    def say(self, conversation, text, customer="C-1001"):
        status, _, body = self.server.call(
            "POST", f"/v1/conversations/{conversation}/messages", token=self.channel, body={"text": text, "customer_id": customer}
        )
        self.assertEqual(status, 200, body)
        return body

    def queue_item(self, conversation):
        return self.wait(
            EC.element_to_be_clickable((By.CSS_SELECTOR, f'#queue-list button[data-conversation="{conversation}"]')),
            message=f"{conversation} never appeared in the queue",
        )

    def session_cookie(self):
        cookies = [c for c in self.driver.get_cookies() if c["name"] == "parley_session"]
        self.assertEqual(len(cookies), 1)
        return cookies[0]

    def screenshot(self, name):
        path = os.path.join(self.out, name)
        self.driver.save_screenshot(path)
        return path

    def no_serious_axe_violations(self, label):
        axe = Axe(self.driver)
        axe.inject()
        results = axe.run()
        serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        with open(os.path.join(self.out, f"axe-{label}.json"), "w") as report:
            json.dump(results["violations"], report, indent=2)
        self.assertEqual(
            serious, [], f"{label}: " + "; ".join(f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes" for v in serious)
        )

    def csp_violations(self):
        return [entry["message"] for entry in self.driver.get_log("browser") if "Content Security Policy" in entry["message"]]

    # Tests

    def test_01_the_page_is_served_with_a_strict_csp_and_runs_under_it(self):
        status, headers, _ = self.server.call("GET", "/console")
        self.assertEqual(status, 200)
        csp = headers["Content-Security-Policy"]
        for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'"):
            self.assertIn(directive, csp)
        self.assertNotIn("unsafe-inline", csp)
        self.driver.get_log("browser")  # clear
        self.open_console()
        # The sign-in view is hidden in the HTML: only the page's script shows it.
        self.assertTrue(self.driver.find_element(By.ID, "sign-in-view").is_displayed(), "the module script did not run")
        # The style sheet applied (the skip link sits off-screen until focused).
        self.assertLess(self.driver.find_element(By.CLASS_NAME, "skip-link").rect["y"], 0)
        self.assertEqual(self.csp_violations(), [])
        self.no_serious_axe_violations("sign-in")

    def test_02_sign_in_and_out_with_an_http_only_strict_cookie_and_nothing_in_storage(self):
        self.sign_in(self.dana)
        self.assertEqual(self.driver.find_element(By.ID, "who-name").text, "Dana Example")
        cookie = self.session_cookie()
        self.assertTrue(cookie["httpOnly"])
        self.assertEqual(cookie["sameSite"], "Strict")
        self.assertEqual(self.driver.execute_script("return document.cookie"), "", "the session cookie is invisible to scripts")
        # Browser storage holds at most the shortcut setting: no text, no token.
        stored = self.driver.execute_script("return Object.keys(localStorage).concat(Object.keys(sessionStorage))")
        self.assertLessEqual(set(stored), {"parley.console.shortcuts"})
        self.assertNotIn(self.dana, self.driver.page_source, "the token is not kept in the page")
        old = f"parley_session={cookie['value']}"
        status, _, _ = self.server.call("GET", "/console/api/queues", headers={"Cookie": old})
        self.assertEqual(status, 200)
        self.sign_out()
        status, _, body = self.server.call("GET", "/console/api/queues", headers={"Cookie": old})
        self.assertEqual(status, 401, "sign-out ends the session on the server")
        self.assertEqual(body["error"]["code"], "session_expired")

    def test_03_a_wrong_or_channel_token_cannot_sign_in(self):
        self.open_console()
        if self.driver.find_element(By.ID, "who").is_displayed():
            self.sign_out()
        for token in ("pat_not-a-real-token", self.channel):
            field = self.visible("token")
            field.send_keys(token)
            field.send_keys(Keys.ENTER)
            self.wait(lambda d: d.find_element(By.ID, "sign-in-error").text != "")
            self.assertFalse(self.driver.find_element(By.ID, "who").is_displayed())
            self.assertEqual(self.driver.find_element(By.ID, "token").get_attribute("value"), "")
            self.driver.execute_script("document.getElementById('sign-in-error').textContent = ''")

    def test_04_forged_ended_and_csrf_less_requests_are_refused(self):
        self.sign_in(self.dana)
        cookie = self.session_cookie()["value"]
        forged = "pcs_0123456789abcdef_" + "0" * 64
        status, _, _ = self.server.call("GET", "/console/api/queues", headers={"Cookie": f"parley_session={forged}"})
        self.assertEqual(status, 401)
        self.say("br-csrf", "I want to make a complaint")
        # The real cookie without the page's CSRF token: refused, and nothing claimed.
        status, _, body = self.server.call("POST", "/console/api/conversations/br-csrf/claim", body={}, headers={"Cookie": f"parley_session={cookie}"})
        self.assertEqual(status, 403)
        self.assertEqual(body["error"]["code"], "csrf_failed")
        status, _, transcript = self.server.call("GET", "/v1/conversations/br-csrf", token=self.dana)
        self.assertEqual(status, 200)
        self.assertEqual(transcript["handoff"]["status"], "waiting")

    def test_05_a_customer_message_appears_live_and_an_agent_claims_replies_and_resolves(self):
        self.sign_in(self.dana)
        self.visible("agent-view")
        self.wait(lambda d: "Live" in d.find_element(By.ID, "live-state").text, message="the event stream never connected")
        self.say("br-flow", "I want to make a complaint, my email is jo@example.com")
        item = self.queue_item("br-flow")  # no reload: the event stream brought it
        self.assertIn("complaint", item.text)
        self.screenshot("queue-1280x800.png")
        item.click()
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#transcript li")) >= 2)
        transcript = self.driver.find_element(By.ID, "transcript")
        self.assertEqual(self.driver.find_element(By.ID, "transcript-log").get_attribute("role"), "log")
        self.assertNotIn("jo@example.com", transcript.text)
        badges = transcript.find_elements(By.CSS_SELECTOR, ".pii")
        self.assertTrue(any("EMAIL" in badge.text for badge in badges), "placeholders are shown as badges")
        self.wait(lambda d: "C-1001" in d.find_element(By.ID, "customer-body").text, message="no customer panel")

        self.driver.find_element(By.ID, "claim").click()
        self.wait(lambda d: "You hold" in d.find_element(By.ID, "holder").text)
        Select(self.driver.find_element(By.ID, "canned")).select_by_index(1)
        self.driver.find_element(By.ID, "insert-canned").click()
        self.assertNotEqual(self.driver.find_element(By.ID, "reply-text").get_attribute("value"), "")
        self.driver.find_element(By.ID, "reply-text").send_keys("Sorry to hear that, we will sort it out.")
        self.driver.find_element(By.ID, "send-reply").click()
        self.wait(lambda d: "Sorry to hear that" in d.find_element(By.ID, "transcript").text)
        status, _, replies = self.server.call("GET", "/v1/conversations/br-flow/replies?after=0", token=self.channel)
        self.assertEqual(status, 200)
        last = replies["replies"][-1]["text"]
        self.assertTrue(last.endswith("Sorry to hear that, we will sort it out."), last)
        canned = Select(self.driver.find_element(By.ID, "canned")).options[1].text.split(": ", 1)[1]
        self.assertEqual(last.count(canned), 1, "the canned response went in once (and the reply was sent once)")
        self.assertEqual(sum(1 for r in replies["replies"] if r["text"] == last), 1)

        self.driver.find_element(By.ID, "note-text").send_keys("Offered a callback.")
        self.driver.find_element(By.CSS_SELECTOR, "#note-form button[type=submit]").click()
        self.wait(lambda d: "Offered a callback." in d.find_element(By.ID, "notes").text)
        self.driver.execute_script("window.scrollTo(0, 0)")
        self.screenshot("conversation-1280x800.png")
        # No control is wider than the window: nothing needs a sideways scroll.
        self.assertLessEqual(self.driver.execute_script("return document.documentElement.scrollWidth"), 1280)
        self.driver.set_window_size(420, 860)
        self.screenshot("conversation-narrow.png")
        self.assertLessEqual(self.driver.execute_script("return document.documentElement.scrollWidth"),
                             self.driver.execute_script("return window.innerWidth"))
        self.no_serious_axe_violations("conversation")
        self.driver.set_window_size(1280, 800)

        Select(self.driver.find_element(By.ID, "resolve-intent")).select_by_value("complaint")
        self.driver.find_element(By.ID, "resolve-note").send_keys("apologised")
        self.driver.find_element(By.ID, "resolve-button").click()
        self.wait(lambda d: "Resolved" in d.find_element(By.ID, "holder").text)
        self.wait(EC.invisibility_of_element_located((By.CSS_SELECTOR, '#queue-list button[data-conversation="br-flow"]')))
        status, _, transcript = self.server.call("GET", "/v1/conversations/br-flow", token=self.admin)
        self.assertEqual(status, 200)
        self.assertIsNone(transcript.get("handoff"))
        # The resolution's intent is stored as feedback: its audit entry says so.
        self.assertEqual(self.say("br-flow", "thanks")["status"], "bot")

    def test_06_a_second_agent_cannot_claim_and_sees_who_holds_it(self):
        self.say("br-race", "I want to make a complaint")
        self.sign_in(self.lee)
        self.queue_item("br-race").click()
        self.wait(lambda d: "Waiting for an agent" in d.find_element(By.ID, "holder").text)
        status, _, _ = self.server.call("POST", "/v1/conversations/br-race/claim", token=self.dana)
        self.assertEqual(status, 200)
        # Lee's page learns it live; a click now is refused by the server anyway.
        self.wait(lambda d: "Held by Dana Example" in d.find_element(By.ID, "holder").text, message="the claim never reached the other agent")
        self.assertFalse(self.driver.find_element(By.ID, "claim").is_enabled())
        self.assertFalse(self.driver.find_element(By.ID, "reply-text").is_enabled())
        status, _, transcript = self.server.call("GET", "/v1/conversations/br-race", token=self.dana)
        self.assertEqual(transcript["handoff"]["claimed_by"], self.dana_id)

    def test_07_a_reply_after_new_customer_messages_asks_for_confirmation(self):
        self.say("br-confirm", "I want to make a complaint")
        self.sign_in(self.dana)
        self.queue_item("br-confirm").click()
        self.wait(lambda d: d.find_element(By.ID, "claim").is_enabled())
        self.driver.find_element(By.ID, "claim").click()
        self.wait(lambda d: "You hold" in d.find_element(By.ID, "holder").text)
        # A slow link: the page hears of the new message but cannot read it yet.
        self.driver.execute_cdp_cmd("Network.enable", {})
        self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": ["*panel=false*"]})
        self.say("br-confirm", "also order 12345 never came")
        self.wait(lambda d: "could not be refreshed" in d.find_element(By.ID, "status").text, message="the page never tried to refresh")
        self.driver.execute_cdp_cmd("Network.setBlockedURLs", {"urls": []})
        self.assertNotIn("never came", self.driver.find_element(By.ID, "transcript").text)
        self.driver.find_element(By.ID, "reply-text").send_keys("Thanks for waiting.")
        self.driver.find_element(By.ID, "send-reply").click()
        dialog = self.wait(EC.visibility_of_element_located((By.ID, "confirm-dialog")), message="no confirmation asked")
        self.assertIn("new message", dialog.text)
        # The new message is on screen before the agent decides.
        self.assertIn("never came", self.driver.find_element(By.ID, "transcript").text)
        status, _, replies = self.server.call("GET", "/v1/conversations/br-confirm/replies?after=0", token=self.channel)
        self.assertNotIn("Thanks for waiting.", [r["text"] for r in replies["replies"]], "nothing sent before confirmation")
        self.driver.find_element(By.ID, "confirm-send").click()
        self.wait(lambda d: "Thanks for waiting." in d.find_element(By.ID, "transcript").text)
        status, _, replies = self.server.call("GET", "/v1/conversations/br-confirm/replies?after=0", token=self.channel)
        self.assertIn("Thanks for waiting.", [r["text"] for r in replies["replies"]])

    def test_08_event_ids_let_a_reconnecting_client_receive_what_it_missed(self):
        self.sign_in(self.dana)
        cookie = f"parley_session={self.session_cookie()['value']}"

        def stream(last_event_id=None):
            connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=WAIT)
            headers = {"Cookie": cookie, "Accept": "text/event-stream"}
            if last_event_id:
                headers["Last-Event-ID"] = last_event_id
            connection.request("GET", "/console/api/events", headers=headers)
            response = connection.getresponse()
            self.assertEqual(response.status, 200)
            self.assertEqual(response.getheader("Cache-Control"), "no-store")
            return connection, response

        def events(response, count):
            found, event = [], {}
            while len(found) < count:
                line = response.fp.readline().decode().rstrip("\n")
                if line == "":
                    if "id" in event:
                        found.append(event)
                    event = {}
                elif not line.startswith(":"):
                    name, _, value = line.partition(": ")
                    event[name] = value
            return found

        first, response = stream()
        self.say("br-sse-1", "I want to make a complaint")
        self.say("br-sse-2", "I want to make a complaint")
        seen = events(response, 2)
        first.close()
        self.assertEqual([json.loads(e["data"])["conversation_id"] for e in seen], ["br-sse-1", "br-sse-2"])
        self.say("br-sse-3", "I want to make a complaint")  # while nobody listens
        again, response = stream(seen[0]["id"])
        replayed = events(response, 2)
        again.close()
        self.assertEqual([json.loads(e["data"])["conversation_id"] for e in replayed], ["br-sse-2", "br-sse-3"])
        self.assertEqual(replayed[0]["id"], seen[1]["id"])
        # An id of another server run cannot be replayed: the client is told to reload.
        stale, response = stream("0000-1")
        self.assertEqual(events(response, 1)[0]["event"], "reload")
        stale.close()
        # One session holds a few streams, not hundreds: past them, 429.
        held, refused = [], None
        for _ in range(8):
            connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=WAIT)
            connection.request("GET", "/console/api/events", headers={"Cookie": cookie, "Accept": "text/event-stream"})
            answer = connection.getresponse()
            if answer.status != 200:
                refused = answer.status
                connection.close()
                break
            held.append(connection)
        for connection in held:
            connection.close()
        self.assertEqual(refused, 429, "a session may not open streams without limit")
        self.assertLessEqual(len(held), 4)

    def test_09_keyboard_shortcuts_work_and_can_be_turned_off(self):
        self.say("br-keys", "I want to make a complaint")
        self.sign_in(self.lee)
        toggle = self.driver.find_element(By.ID, "shortcuts-toggle")
        if toggle.is_selected():
            toggle.click()
        self.queue_item("br-keys").click()
        self.wait(lambda d: d.find_element(By.ID, "claim").is_enabled())
        body = self.driver.find_element(By.TAG_NAME, "body")
        body.send_keys("c")
        status, _, transcript = self.server.call("GET", "/v1/conversations/br-keys", token=self.lee)
        self.assertEqual(transcript["handoff"]["status"], "waiting", "shortcuts off: a typed c claims nothing")
        toggle.click()
        self.assertTrue(toggle.is_selected())
        body.send_keys("c")
        self.wait(lambda d: "You hold" in d.find_element(By.ID, "holder").text, message="c did not claim")
        # Focus is always visible: the focused control has an outline.
        self.driver.find_element(By.ID, "reply-text").click()
        outline = self.driver.execute_script("return getComputedStyle(document.activeElement).outlineStyle")
        self.assertNotEqual(outline, "none")

    def test_10_the_auditor_exports_and_verifies_and_the_admin_manages_tokens(self):
        self.sign_in(self.auditor)
        self.visible("auditor-view")
        self.assertFalse(self.driver.find_element(By.ID, "agent-view").is_displayed())
        self.no_serious_axe_violations("auditor")
        today = time.strftime("%Y-%m-%d", time.gmtime())
        tomorrow = time.strftime("%Y-%m-%d", time.gmtime(time.time() + 86_400))
        status, _, bundle = self.server.call(
            "GET", f"/v1/audit/export?from={today}T00:00:00Z&to={tomorrow}T00:00:00Z", token=self.auditor, raw=True
        )
        self.assertEqual(status, 200, bundle)
        path = os.path.join(self.root, "bundle.jsonl")
        with open(path, "wb") as file:
            file.write(bundle)
        self.driver.find_element(By.ID, "verify-file").send_keys(path)
        self.driver.find_element(By.CSS_SELECTOR, "#verify-form button[type=submit]").click()
        self.wait(lambda d: d.find_element(By.ID, "verify-result").text != "")
        self.wait(lambda d: "Verifying" not in d.find_element(By.ID, "verify-result").text)
        result = self.driver.find_element(By.ID, "verify-result").text
        self.assertIn("Verified", result)
        self.assertNotIn("FAILED", result)

        # The review queue: a message the bot did not understand waits for a label.
        self.say("br-review", "Ωψζ ξϑφ qqq")
        self.sign_in(self.admin)
        self.visible("admin-view")
        self.wait(lambda d: "Dana Example" in d.find_element(By.ID, "admin-panels").text, message="no token list")
        item = self.wait(
            lambda d: next((e for e in d.find_elements(By.CSS_SELECTOR, ".review-item") if "Ωψζ ξϑφ qqq" in e.text), False),
            message="the message is not in the review queue",
        )
        self.assertRegex(self.driver.find_element(By.ID, "review-summary").text, r"^\d+ open: ")
        self.no_serious_axe_violations("admin")
        self.driver.execute_script("arguments[0].scrollIntoView()", item)
        self.screenshot("admin-review-1280x800.png")
        Select(item.find_element(By.TAG_NAME, "select")).select_by_value("greet")
        item.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        self.wait(lambda d: "Labelled as greet" in d.find_element(By.ID, "status").text, message="no confirmation of the label")
        self.assertFalse(any("Ωψζ ξϑφ qqq" in e.text for e in self.driver.find_elements(By.CSS_SELECTOR, ".review-item")))
        status, _, review = self.server.call("GET", "/v1/review", token=self.admin)
        self.assertNotIn("br-review", [i["conversation_id"] for i in review["items"]], "the label closed the item")


def main():
    global ARGS
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parley", default=".build/debug/parley", help="the parley binary to serve")
    parser.add_argument("--out", default=".build/console-browser", help="where screenshots and reports go")
    ARGS, rest = parser.parse_known_args()
    if MISSING:
        message = "console browser tests skipped: missing " + "; ".join(MISSING)
        if os.environ.get("CONSOLE_BROWSER_REQUIRED") == "1":
            print(message.replace("skipped", "cannot run"), file=sys.stderr)
            return 1
        print(message, file=sys.stderr)
        return 0
    if not os.access(ARGS.parley, os.X_OK):
        print(f"console browser tests: no parley binary at {ARGS.parley} (swift build first)", file=sys.stderr)
        return 1
    program = unittest.main(argv=[sys.argv[0], *rest], exit=False, verbosity=2)
    return 0 if program.result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
