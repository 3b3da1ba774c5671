-- Renews or ends a robot's turn, if it is this replica's.
-- KEYS: 1 turn
-- ARGV: 1 replica, 2 how long the turn lasts from now (ms), 0 to end it
-- Returns 1 when it was this replica's turn, 0 otherwise
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
	return 0
end
if ARGV[2] == '0' then
	redis.call('DEL', KEYS[1])
else
	redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 1
