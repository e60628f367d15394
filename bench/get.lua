-- GET with the signed-in session (BENCH_COOKIE).
wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
