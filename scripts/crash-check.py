#!/usr/bin/env python3
"""Kills the service with SIGKILL in the middle of a burst of writes, starts it again on the
same embedded database, and checks that every write answered 2xx is there and that the read
models agree with the events.

Usage: scripts/crash-check.py [path/to/organizations.jar]   (build it first: ./mvnw package)
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

JAR = sys.argv[1] if len(sys.argv) > 1 else "app/target/organizations.jar"
PORT = 18080
ADMIN = "crash-check-admin"
BASE = f"http://127.0.0.1:{PORT}"


def call(method, path, body=None, key=None, admin=False):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if key:
        request.add_header("X-API-Key", key)
    if admin:
        request.add_header("X-Admin-Token", ADMIN)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            text = response.read()
            return response.status, json.loads(text) if text else None
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def start(data_dir, log):
    env = dict(os.environ, ORGS_ADMIN_TOKEN=ADMIN, ORGS_PORT=str(PORT), ORGS_DATA_DIR=data_dir,
               AXONIQ_UPDATE_CHECKER_DISABLED="true")
    process = subprocess.Popen(["java", "-jar", JAR], env=env, stdout=log, stderr=log)
    deadline = time.time() + 90
    while time.time() < deadline:
        try:
            call("GET", "/v1/organizations")
            return process
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.2)
    raise SystemExit("service did not start; see the log")


def main():
    work = tempfile.mkdtemp(prefix="orgs-crash-")
    data_dir = os.path.join(work, "postgres")
    log = open(os.path.join(work, "service.log"), "wb")
    service = start(data_dir, log)
    status, user = call("POST", "/v1/admin/users", {"user": {"email": "crash@example.com",
                                                              "name": "Crash"}}, admin=True)
    key = user["api_key"]

    acknowledged_creates = []
    acknowledged_renames = {}
    sent_renames = {}
    lock = threading.Lock()
    stop = threading.Event()

    def writer(number):
        own = []
        while not stop.is_set():
            try:
                if not own or random.random() < 0.3:
                    status, body = call("POST", "/v1/organizations",
                                        {"organization": {"name": f"w{number}-new"}}, key)
                    if status == 201:
                        own.append(body["organization_id"])
                        with lock:
                            acknowledged_creates.append(body["organization_id"])
                else:
                    org = random.choice(own)
                    name = f"w{number}-{time.monotonic_ns()}"
                    with lock:
                        sent_renames.setdefault(org, []).append(name)
                    status, _ = call("PATCH", f"/v1/organizations/{org}",
                                     {"organization": {"name": name}}, key)
                    if status == 200:
                        with lock:
                            acknowledged_renames[org] = name
            except (urllib.error.URLError, ConnectionError, OSError):
                return

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    time.sleep(4)
    service.send_signal(signal.SIGKILL)
    service.wait()
    stop.set()
    for thread in threads:
        thread.join()
    print(f"killed after {len(acknowledged_creates)} acknowledged creates and "
          f"{len(acknowledged_renames)} organizations with acknowledged renames")

    started = time.time()
    service = start(data_dir, log)
    print(f"restarted in {time.time() - started:.1f} s")
    failures = 0
    deadline = time.time() + 30
    while True:
        status, organizations = call("GET", "/v1/organizations", key=key)
        seen = {o["id"]: o["name"] for o in organizations}
        missing = [o for o in acknowledged_creates if o not in seen]
        wrong = []
        for org, name in acknowledged_renames.items():
            sent = sent_renames[org]
            allowed = sent[sent.index(name):]
            if seen.get(org) not in allowed:
                wrong.append((org, seen.get(org), name))
        if not missing and not wrong or time.time() > deadline:
            break
        time.sleep(0.5)
    if missing:
        failures += 1
        print("LOST acknowledged creates:", missing)
    if wrong:
        failures += 1
        print("read model disagrees with acknowledged renames:", wrong[:10])

    pid_file = os.path.join(data_dir, "postmaster.pid")
    db_port = open(pid_file).read().splitlines()[3].strip()
    query = """SELECT count(*) FROM organization_view o WHERE o.name <> (
                 SELECT convert_from(e.payload, 'UTF8')::json->>'name' FROM domain_event_entry e
                 WHERE e.aggregate_identifier = o.id::text
                   AND e.payload_type LIKE '%Organization%' AND e.payload_type NOT LIKE '%Deleted'
                 ORDER BY e.sequence_number DESC LIMIT 1)"""
    # Writes in flight at the kill may have committed unanswered; the projections catch up
    # on them once their token claims from before the kill time out.
    deadline = time.time() + 30
    while True:
        out = subprocess.run(["psql", "-h", "127.0.0.1", "-p", db_port, "-U", "postgres",
                              "-tA", "-c", query], capture_output=True, text=True)
        disagreeing = out.stdout.strip()
        if disagreeing == "0" or time.time() > deadline:
            break
        time.sleep(0.5)
    print(f"organizations whose read model disagrees with their last name event: {disagreeing}")
    if disagreeing != "0":
        failures += 1

    service.send_signal(signal.SIGTERM)
    service.wait()
    if failures:
        print(f"FAILED; service log in {work}")
        sys.exit(1)
    shutil.rmtree(work)
    print("OK: nothing acknowledged was lost and the read models agree with the events")


if __name__ == "__main__":
    main()
