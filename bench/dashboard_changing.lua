-- The dashboard while signals arrive in its network: one request in ten a new signal there (BENCH_NETWORK), the rest
-- the figures page. Every new signal changes the network's facts, so this measures the reading after a change,
-- where the plain dashboard run (nothing changes) mostly measures kept figures.
local cookie = os.getenv("BENCH_COOKIE")
local token = os.getenv("BENCH_TOKEN")
local network = os.getenv("BENCH_NETWORK")
local concern = os.getenv("BENCH_CONCERN")
local counter = 0

function request()
  counter = counter + 1
  if counter % 10 == 0 then
    local body = string.format(
      '{"network":"%s","persons":[{"givenName":"Meet","familyName":"Cijfer%d","birthDate":"1982-03-03",' ..
      '"relation":"parent","confirmedNew":true}],"street":"Meetlaan","houseNumber":"2","postcode":"1234 AB",' ..
      '"city":"Meetstad","concerns":["%s"],"description":"Cijfers tijdens meldingen.","origin":"environment"}',
      network, counter, concern)
    return wrk.format("POST", "/api/v1/signals",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", "/figures", {["Cookie"] = cookie})
end
