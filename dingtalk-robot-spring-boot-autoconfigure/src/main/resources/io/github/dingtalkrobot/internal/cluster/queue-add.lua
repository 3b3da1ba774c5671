-- Adds a message at the tail of a robot's queue, unless the queue is full.
-- KEYS: 1 stream
-- ARGV: 1 capacity, 2 consumer group, 3 message id, 4 origin replica, 5 message
-- Returns the entry's id, or false when the queue is full
if redis.call('EXISTS', KEYS[1]) == 0 then
	redis.call('XGROUP', 'CREATE', KEYS[1], ARGV[2], '0', 'MKSTREAM')
elseif redis.call('XLEN', KEYS[1]) >= tonumber(ARGV[1]) then
	return false
end
return redis.call('XADD', KEYS[1], '*', 'id', ARGV[3], 'origin', ARGV[4], 'message', ARGV[5])
