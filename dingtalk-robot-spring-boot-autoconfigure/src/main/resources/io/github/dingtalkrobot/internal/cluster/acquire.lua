-- Takes a slot of a robot's rate limit, timed by Redis's clock.
-- KEYS: 1 completed slots (score: when each stops counting, µs), 2 slots in flight
-- (score: when their lease ends, µs), 3 pause (until, µs), 4 fence (until, µs), 5 marker
-- ARGV: 1 messages, 2 window (µs), 3 lease of a slot in flight (µs), 4 slot id,
-- 5 '1' if this replica saw the marker before, 6 '1' to fence, 7 marker time to live (ms)
-- Returns {1, 0} with a slot taken, or {0, µs to wait} (-1: until a slot in flight completes)
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local window = tonumber(ARGV[2])
-- Sends the keys may have forgotten (Redis lost its data, or a replica sent on its local
-- limit) still count at DingTalk for one window: send nothing until it has passed
local function fence()
	redis.call('SET', KEYS[4], now + window, 'PX', math.ceil(window / 1000))
end
if ARGV[5] == '1' and redis.call('EXISTS', KEYS[5]) == 0 then
	fence()
end
redis.call('SET', KEYS[5], '1', 'PX', ARGV[7])
if ARGV[6] == '1' then
	fence()
end
local blocked = math.max(tonumber(redis.call('GET', KEYS[3]) or 0), tonumber(redis.call('GET', KEYS[4]) or 0))
if blocked > now then
	return {0, blocked - now}
end
-- A message sent exactly one window ago is out, as at DingTalk
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[1]) + redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[1]) then
	local earliest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
	if earliest[2] then
		return {0, tonumber(earliest[2]) - now}
	end
	return {0, -1}
end
-- A slot in flight counts until its answer came, then for one window; if its replica
-- never completes it, it counts until the lease and one window have passed
local lease = tonumber(ARGV[3]) + window
redis.call('ZADD', KEYS[2], now + lease, ARGV[4])
redis.call('PEXPIRE', KEYS[2], math.ceil(lease / 1000))
return {1, 0}
