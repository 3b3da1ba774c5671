-- Takes or keeps a robot's turn to deliver while its queue holds messages; gives it up
-- when the queue is empty.
-- KEYS: 1 turn (the replica whose turn it is), 2 stream
-- ARGV: 1 replica, 2 how long the turn lasts unless renewed (ms)
-- Returns 1 when it is this replica's turn, 0 otherwise
local holder = redis.call('GET', KEYS[1])
if holder and holder ~= ARGV[1] then
	return 0
end
if redis.call('XLEN', KEYS[2]) == 0 then
	if holder then
		redis.call('DEL', KEYS[1])
	end
	return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
