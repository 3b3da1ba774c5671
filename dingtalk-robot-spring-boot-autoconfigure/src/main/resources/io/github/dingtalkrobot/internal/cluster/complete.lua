-- Counts a slot from now, when its answer came, for one window of Redis's clock.
-- KEYS: 1 completed slots, 2 slots in flight
-- ARGV: 1 slot id, 2 window (µs)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local window = tonumber(ARGV[2])
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('ZADD', KEYS[1], now + window, ARGV[1])
-- No slot counts longer than one window from now
redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
return 1
