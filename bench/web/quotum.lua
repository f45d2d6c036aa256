-- POST /api/quotum with a fixed question (jaar 2022, 600.000 verloonde uren, 15.000 uren doelgroep).
wrk.method = "POST"
wrk.body   = '{"jaar":2022,"verloondeUren":600000,"verloondeUrenVorigJaar":600000,"urenDoelgroep":15000}'
wrk.headers["Content-Type"] = "application/json"
