-- The new signal the writing bench scripts send (POST /api/v1/signals): one parent, confirmed new so no identity
-- question stops it, in `network`, named `family` so each run's households can be told apart. Loaded with
-- dofile("bench/intake.lua"): the bench scripts run wrk from the repository's root.
local token = os.getenv("BENCH_TOKEN")
local concern = os.getenv("BENCH_CONCERN")

function intake(network, family, description)
  local body = string.format(
    '{"network":"%s","persons":[{"givenName":"Meet","familyName":"%s","birthDate":"1981-02-02",' ..
    '"relation":"parent","confirmedNew":true}],"street":"Meetlaan","houseNumber":"1","postcode":"1234 AB",' ..
    '"city":"Meetstad","concerns":["%s"],"description":"%s","origin":"environment"}',
    network, family, concern, description)
  return wrk.format("POST", "/api/v1/signals",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
