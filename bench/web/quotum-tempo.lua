-- POST /api/quotum at a held pace: every connection waits `pauze` ms between requests, so N connections give at most
-- N × 1000 / pauze requests per second (run.sh: 25 connections × 45 ms plus the response time ≈ 530 req/s). Same question as quotum.lua.
wrk.method = "POST"
wrk.body   = '{"jaar":2022,"verloondeUren":600000,"verloondeUrenVorigJaar":600000,"urenDoelgroep":15000}'
wrk.headers["Content-Type"] = "application/json"
local pauze = tonumber(os.getenv("PAUZE_MS") or "50")
function delay()
  return pauze
end
