"""A portal that is not written in Java, as the end-to-end test drives the decision service.

Python standard library only. Usage: client.py BASE_URL DOSSIER.json
Prints one JSON object: the decision body exactly as received, its pack header, and what the service
answered for an unknown procedure with Accept-Language: en.
"""
import json
import sys
import urllib.error
import urllib.request

base, dossier_path = sys.argv[1], sys.argv[2]
with open(dossier_path, "rb") as f:
    body = f.read()

req = urllib.request.Request(base + "decisions", data=body, method="POST",
                             headers={"Content-Type": "application/json"})
with urllib.request.urlopen(req, timeout=120) as r:
    status = r.status
    sha = r.headers["Motcua-Pack-Sha256"]
    decision = r.read().decode("utf-8")

bad = json.loads(body.decode("utf-8"))
bad["procedure"] = "9.999999"
req = urllib.request.Request(base + "decisions", data=json.dumps(bad).encode("utf-8"), method="POST",
                             headers={"Content-Type": "application/json", "Accept-Language": "en"})
unknown = {}
try:
    urllib.request.urlopen(req, timeout=120)
    unknown["status"] = 200
except urllib.error.HTTPError as e:
    problem = json.loads(e.read().decode("utf-8"))
    unknown = {"status": e.code, "contentType": e.headers["Content-Type"], "code": problem["code"],
               "title": problem["title"]}

sys.stdout.write(json.dumps({"status": status, "decision": decision, "packSha256": sha, "unknown": unknown}))
