-- POST /api/v1/signals: a new household per request, confirmed new so no identity question stops it.
local token = os.getenv("BENCH_TOKEN")
local networks = {}
for id in string.gmatch(os.getenv("BENCH_NETWORKS"), "[^,]+") do networks[#networks + 1] = id end
local concern = os.getenv("BENCH_CONCERN")
local counter = 0
local thread_id = 0

function setup(thread)
  thread_id = thread_id + 1
  thread:set("id", thread_id)
end

function request()
  counter = counter + 1
  local body = string.format(
    '{"network":"%s","persons":[{"givenName":"Meet","familyName":"Belasting%d x%d","birthDate":"1980-01-01",' ..
    '"relation":"parent","confirmedNew":true}],"street":"Meetlaan","houseNumber":"%d","postcode":"1234 AB",' ..
    '"city":"Meetstad","concerns":["%s"],"description":"Meting van de signaalinname.","origin":"environment"}',
    networks[counter % #networks + 1], counter, id or 0, counter, concern)
  return wrk.format("POST", "/api/v1/signals",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
