-- Records messages as settled, then acknowledges and removes them.
-- KEYS: 1 stream, 2 settled messages (score: when settled, ms)
-- ARGV: 1 consumer group, 2 how long a settled message is remembered (ms), 3.. entry ids
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
for i = 3, #ARGV do
	redis.call('ZADD', KEYS[2], now, ARGV[i])
end
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[2]))
redis.call('PEXPIRE', KEYS[2], ARGV[2])
redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 3))
redis.call('XDEL', KEYS[1], unpack(ARGV, 3))
return 1
