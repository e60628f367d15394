local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local network = os.getenv("BENCH_NETWORK")
local concern = os.getenv("BENCH_CONCERN")
local target = os.getenv("TARGET") or "/"
local counter = 0
function request()
  counter = counter + 1
  if counter % 2 == 0 then
    local body = string.format(
      '{"network":"%s","persons":[{"givenName":"Meet","familyName":"Dv%d","birthDate":"1981-02-02",' ..
      '"relation":"parent","confirmedNew":true}],"street":"Meetlaan","houseNumber":"1","postcode":"1234 AB",' ..
      '"city":"Meetstad","concerns":["%s"],"description":"x","origin":"environment"}', network, counter, concern)
    return wrk.format("POST", "/api/v1/signals",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", target, {["Cookie"] = cookie})
end
