-- wrk script of benchmarks/serve.py: each connection GETs, one at a time and with no pause,
-- paths drawn with a fixed seed from a file (one a line), until the duration is over or wrk
-- is interrupted (SIGINT); done() prints the figures as one JSON line.
--   wrk -t1 -cN -dSECONDS --timeout 30s -s serve_readers.lua URL -- PATHS SEED

local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  math.randomseed(tonumber(args[2]))
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "bytes": %d, "connect": %d, "read": %d, ' ..
    '"write": %d, "status": %d, "timeout": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"max_us": %d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status,
    e.timeout, latency:percentile(50), latency:percentile(95), latency:percentile(99),
    latency.max))
end
