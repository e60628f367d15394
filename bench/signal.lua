-- POST /api/v1/signals: a new household per request, confirmed new so no identity question stops it.
dofile("bench/intake.lua")
local networks = {}
for id in string.gmatch(os.getenv("BENCH_NETWORKS"), "[^,]+") do networks[#networks + 1] = id end
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function request()
  counter = counter + 1
  return intake(networks[counter % #networks + 1], "Belasting" .. counter .. " x" .. (id or 0),
    "Meting van de signaalinname.")
end
