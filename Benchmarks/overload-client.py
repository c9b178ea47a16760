"""Load generator for overload-bench.sh that behaves as a channel should:
keep-alive connections posting turns, and after a 503 waiting the seconds of
its Retry-After before the next request on that connection. Prints the same
RESULT line as overload.lua (latencies of the answered turns only)."""
import argparse, http.client, threading, time

MESSAGES = [
    "What is the status of order #12345?", "hello there", "When are you open on Saturday?",
    "I would like to return my jacket and get a refund", "thanks a lot, bye",
    "Where is my parcel? It should have arrived yesterday", "how do I reset my password", "order 12346 please",
]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--seconds", type=float, default=15)
    parser.add_argument("--connections", type=int, default=256)
    args = parser.parse_args()
    counts, latencies, lock = {"ok": 0, "refused": 0, "other": 0, "socket_errors": 0}, [], threading.Lock()
    deadline = time.monotonic() + args.seconds

    def worker(index):
        connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
        counter = index * 1000003
        while time.monotonic() < deadline:
            counter += 1
            conversation = counter % 5000
            body = '{"text": "%s", "customer_id": "C-100%d"}' % (MESSAGES[counter % len(MESSAGES)], 1 + conversation % 3)
            start = time.monotonic()
            wait = 0.0
            try:
                connection.request("POST", "/v1/conversations/over-%d/messages" % conversation, body, {"Content-Type": "application/json"})
                response = connection.getresponse()
                response.read()
                kind = "ok" if response.status == 200 else "refused" if response.status == 503 else "other"
                if kind == "refused": wait = float(response.getheader("Retry-After") or 1)
            except (OSError, http.client.HTTPException):
                kind = "socket_errors"
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", args.port, timeout=30)
            with lock:
                counts[kind] += 1
                if kind == "ok": latencies.append(time.monotonic() - start)
            if wait: time.sleep(min(wait, max(0.0, deadline - time.monotonic())))

    started = time.monotonic()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(args.connections)]
    for t in threads: t.start()
    for t in threads: t.join()
    duration = time.monotonic() - started
    latencies.sort()
    pick = lambda p: latencies[min(len(latencies) - 1, int(p * (len(latencies) - 1)))] if latencies else 0
    print("RESULT ok=%d refused=%d other=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d" % (
        counts["ok"], counts["refused"], counts["other"], counts["socket_errors"], duration * 1e6, pick(0.5) * 1e6, pick(0.99) * 1e6))

main()
