-- One read route (wrk's URL) with every tenth request a new signal in the benchmark user's networks, or none with
-- BENCH_NO_INTAKES set: what a new signal costs the list that shows it (bench/with_intakes.sh).
local cookie = os.getenv("BENCH_COOKIE")
dofile("bench/intake.lua")
local networks = {}
for id in string.gmatch(os.getenv("BENCH_NETWORKS"), "[^,]+") do networks[#networks + 1] = id end
local intakes_on = os.getenv("BENCH_NO_INTAKES") == nil
local counter = 0
local intakes = 0

function request()
  counter = counter + 1
  if intakes_on and counter % 10 == 0 then
    intakes = intakes + 1
    return intake(networks[(intakes - 1) % #networks + 1], "Lijst" .. counter, "Lijst met nieuwe signalen.")
  end
  return wrk.format("GET", nil, {["Cookie"] = cookie})
end
