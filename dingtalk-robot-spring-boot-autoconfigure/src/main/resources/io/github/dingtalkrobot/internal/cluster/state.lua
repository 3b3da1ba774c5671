-- Reads what a robot's rate limit holds, for monitoring.
-- KEYS: 1 completed slots, 2 slots in flight, 3 pause (until, µs)
-- Returns {now, slots used, paused until or 0} in µs of Redis's clock
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local after = string.format('(%d', now)
local used = redis.call('ZCOUNT', KEYS[1], after, '+inf') + redis.call('ZCOUNT', KEYS[2], after, '+inf')
return {now, used, tonumber(redis.call('GET', KEYS[3]) or 0)}
