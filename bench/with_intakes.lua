-- One read route (wrk's URL) with every tenth request a new signal in the benchmark user's networks, or none with
-- BENCH_NO_INTAKES set: what a new signal costs the list that shows it (bench/with_intakes.sh).
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local networks = {}
for id in string.gmatch(os.getenv("BENCH_NETWORKS"), "[^,]+") do networks[#networks + 1] = id end
local concern = os.getenv("BENCH_CONCERN")
local intakes_on = os.getenv("BENCH_NO_INTAKES") == nil
local counter = 0
local intakes = 0

function request()
  counter = counter + 1
  if intakes_on and counter % 10 == 0 then
    intakes = intakes + 1
    local body = string.format(
      '{"network":"%s","persons":[{"givenName":"Meet","familyName":"Lijst%d","birthDate":"1981-02-02",' ..
      '"relation":"parent","confirmedNew":true}],"street":"Meetlaan","houseNumber":"1","postcode":"1234 AB",' ..
      '"city":"Meetstad","concerns":["%s"],"description":"Lijst met nieuwe signalen.","origin":"environment"}',
      networks[(intakes - 1) % #networks + 1], counter, concern)
    return wrk.format("POST", "/api/v1/signals",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", nil, {["Cookie"] = cookie})
end
