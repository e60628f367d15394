-- A working day's mix: mostly reading (worklist, case page, signal list, person search), one in ten a new signal.
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local networks = {}
for id in string.gmatch(os.getenv("BENCH_NETWORKS"), "[^,]+") do networks[#networks + 1] = id end
local concern = os.getenv("BENCH_CONCERN")
local case = os.getenv("BENCH_CASE")
local search = os.getenv("BENCH_SEARCH")
local counter = 0
-- Intakes take the benchmark user's networks in turn (counting intakes, not requests: every tenth request is one, and
-- a tenth of the request count would visit only some of the networks).
local intakes = 0

function request()
  counter = counter + 1
  local pick = counter % 10
  if pick == 0 and os.getenv("NOWRITE") == nil then
    intakes = intakes + 1
    local body = string.format(
      '{"network":"%s","persons":[{"givenName":"Meet","familyName":"Mix%d","birthDate":"1981-02-02",' ..
      '"relation":"parent","confirmedNew":true}],"street":"Meetlaan","houseNumber":"1","postcode":"1234 AB",' ..
      '"city":"Meetstad","concerns":["%s"],"description":"Gemengde belasting.","origin":"environment"}',
      networks[(intakes - 1) % #networks + 1], counter, concern)
    return wrk.format("POST", "/api/v1/signals",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
  local paths = {"/", "/", "/", case, case, "/signals", "/signals", search, "/"}
  return wrk.format("GET", paths[pick], {["Cookie"] = cookie})
end
