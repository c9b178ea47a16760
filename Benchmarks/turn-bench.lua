-- wrk script for Benchmarks/turn-bench.sh: customer turns spread over 5,000
-- conversations, a mix of the starter bot's intents (answers from the order
-- records, greetings, opening hours, refunds, small talk).
local messages = {
  "What is the status of order #12345?",
  "hello there",
  "When are you open on Saturday?",
  "I would like to return my jacket and get a refund",
  "thanks a lot, bye",
  "Where is my parcel? It should have arrived yesterday",
  "how do I reset my password",
  "order 12346 please",
}
-- PARLEY_TOKEN=prl_... sends it as a channel's bearer token (as a deployed
-- channel does); without it, requests rely on tokenless loopback.
local token = os.getenv("PARLEY_TOKEN")
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
end

function request()
  counter = counter + 1
  local conversation = counter % 5000
  local text = messages[(counter % #messages) + 1]
  local body = '{"text": "' .. text .. '", "customer_id": "C-100' .. (1 + conversation % 3) .. '"}'
  local headers = {["Content-Type"] = "application/json"}
  if token then headers["Authorization"] = "Bearer " .. token end
  return wrk.format("POST", "/v1/conversations/bench-" .. conversation .. "/messages", headers, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d errors=%d non2xx=%d duration_us=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.errors.status, summary.duration, latency:percentile(50), latency:percentile(99)))
end
