-- wrk script for Benchmarks/overload-bench.sh: the turn workload of
-- turn-bench.lua, counting answers by status. Like a misbehaving channel,
-- wrk resends at once and ignores Retry-After.
local messages = {
  "What is the status of order #12345?", "hello there", "When are you open on Saturday?",
  "I would like to return my jacket and get a refund", "thanks a lot, bye",
  "Where is my parcel? It should have arrived yesterday", "how do I reset my password", "order 12346 please",
}
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
  table.insert(threads, thread)
end

function init(args)
  counter = id * 1000003
  ok, refused, other = 0, 0, 0
end

function request()
  counter = counter + 1
  local conversation = counter % 5000
  local body = string.format('{"text": "%s", "customer_id": "C-100%d"}', messages[counter % #messages + 1], 1 + conversation % 3)
  return wrk.format("POST", "/v1/conversations/over-" .. conversation .. "/messages", {["Content-Type"] = "application/json"}, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 503 then refused = refused + 1 else other = other + 1 end
end

function done(summary, latency, requests)
  local o, r, x = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok"); r = r + t:get("refused"); x = x + t:get("other")
  end
  local e = summary.errors
  io.write(string.format("RESULT ok=%d refused=%d other=%d socket_errors=%d duration_us=%d p50_us=%d p99_us=%d\n",
    o, r, x, e.connect + e.read + e.write + e.timeout, summary.duration, latency:percentile(50), latency:percentile(99)))
end
