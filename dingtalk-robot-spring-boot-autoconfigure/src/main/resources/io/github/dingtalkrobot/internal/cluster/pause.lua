-- Pauses a robot on every replica, unless it is paused for longer already.
-- KEYS: 1 pause (until, µs)
-- ARGV: 1 duration (µs)
-- Returns {now, until} in µs of Redis's clock
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local duration = tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or 0)
if now + duration > current then
	redis.call('SET', KEYS[1], now + duration, 'PX', math.ceil(duration / 1000))
	return {now, now + duration}
end
return {now, current}
