-- A weighted request mix for wrk, read from the environment (bench/wrk.py writes it):
-- BENCH_MIX holds one request per line, "WEIGHT<TAB>METHOD<TAB>PATH<TAB>KEY<TAB>BODY",
-- KEY and BODY possibly empty. Keys travel in the environment only, never in a command
-- line or a file. Every response's status is counted; done() prints one BENCH_RESULT line.

local mix = assert(os.getenv("BENCH_MIX"), "BENCH_MIX is not set")

-- wrk gives every thread a Lua state of its own; done() sums their counters.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Built in init(), not when the script loads: only then does wrk know the Host header.
function init(args)
  cycle = {}
  for line in mix:gmatch("[^\n]+") do
    local weight, method, path, key, body = line:match("^(%d+)\t(%u+)\t([^\t]+)\t([^\t]*)\t(.*)$")
    assert(weight, "malformed BENCH_MIX line: " .. line)
    local headers = {}
    if key ~= "" then headers["x-api-key"] = key end
    if body ~= "" then headers["content-type"] = "application/json" else body = nil end
    local request = wrk.format(method, path, headers, body)
    for _ = 1, tonumber(weight) do table.insert(cycle, request) end
  end
  assert(#cycle > 0, "BENCH_MIX has no request")
  next_request = 0
  statuses = {}
end

function request()
  next_request = next_request % #cycle + 1
  return cycle[next_request]
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  local counts = {}
  for status, count in pairs(totals) do
    counts[#counts + 1] = string.format('"%d":%d', status, count)
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"bytes":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,' ..
    '"socket_errors":%d,"statuses":{%s}}\n',
    summary.requests, summary.bytes, summary.duration, latency:percentile(50), latency:percentile(99),
    errors.connect + errors.read + errors.write + errors.timeout, table.concat(counts, ",")))
end
