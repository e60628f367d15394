-- A working day's mix: mostly reading (worklist, case page, signal list, person search), one in ten a new signal.
-- With BENCH_NO_INTAKES set the tenth request reads the dashboard instead: the same mix without what new signals
-- cost the reads after them (bench/with_intakes.sh klein mixed; bench/RESULTS.md, forty-second session).
local cookie = os.getenv("BENCH_COOKIE")
dofile("bench/intake.lua")
local networks = {}
for id in string.gmatch(os.getenv("BENCH_NETWORKS"), "[^,]+") do networks[#networks + 1] = id end
local case = os.getenv("BENCH_CASE")
local search = os.getenv("BENCH_SEARCH")
local counter = 0
-- Intakes take the benchmark user's networks in turn (counting intakes, not requests: every tenth request is one, and
-- a tenth of the request count would visit only some of the networks).
local intakes = 0

function request()
  counter = counter + 1
  local pick = counter % 10
  if pick == 0 and os.getenv("BENCH_NO_INTAKES") == nil then
    intakes = intakes + 1
    return intake(networks[(intakes - 1) % #networks + 1], "Mix" .. counter, "Gemengde belasting.")
  end
  local paths = {"/", "/", "/", case, case, "/signals", "/signals", search, "/", [0] = "/figures"}
  return wrk.format("GET", paths[pick], {["Cookie"] = cookie})
end
