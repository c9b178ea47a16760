"""Client of kill-bench.sh: one keep-alive connection per conversation, each
posting customer turns in order and counting the ones answered 200 (the
acknowledged turns), until the server goes away. Writes the counts as JSON
({conversation: acknowledged}) and prints the throughput it saw."""
import argparse, http.client, json, threading, time

MESSAGES = [
    "What is the status of order #12345?", "hello there", "When are you open on Saturday?",
    "I would like to return my jacket and get a refund", "thanks a lot, bye", "how do I reset my password",
]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--customer", default="C-1001")
    parser.add_argument("--ledger", required=True)
    parser.add_argument("--seconds", type=float, default=60, help="stop anyway after this long")
    args = parser.parse_args()
    acknowledged, lock = {}, threading.Lock()
    deadline = time.monotonic() + args.seconds

    def worker(index):
        conversation = "kill-%d" % index
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
        answered = 0
        while time.monotonic() < deadline:
            body = json.dumps({"text": MESSAGES[answered % len(MESSAGES)], "customer_id": args.customer})
            try:
                connection.request("POST", "/v1/conversations/%s/messages" % conversation, body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
            except (OSError, http.client.HTTPException):
                break  # the server is gone: what was answered before is what must be stored
            if response.status == 503:
                continue  # queue full: nothing stored, sent again
            if response.status != 200:
                break
            answered += 1
            with lock:
                acknowledged[conversation] = answered

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.connections)]
    for t in threads: t.start()
    for t in threads: t.join()
    duration = time.monotonic() - started
    with open(args.ledger, "w") as out:
        json.dump(acknowledged, out)
    print("acknowledged=%d seconds=%.1f" % (sum(acknowledged.values()), duration))

main()
