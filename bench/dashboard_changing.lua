-- The dashboard while signals arrive in its network: one request in ten a new signal there (BENCH_NETWORK), the rest
-- the figures page. Every new signal changes the network's facts, so this measures the reading after a change,
-- where the plain dashboard run (nothing changes) mostly measures kept figures.
local cookie = os.getenv("BENCH_COOKIE")
dofile("bench/intake.lua")
local network = os.getenv("BENCH_NETWORK")
local counter = 0

function request()
  counter = counter + 1
  if counter % 10 == 0 then
    return intake(network, "Cijfer" .. counter, "Cijfers tijdens meldingen.")
  end
  return wrk.format("GET", "/figures", {["Cookie"] = cookie})
end
