-- Checks, before a replica sends them, that messages are still its to send, and renews
-- its turn.
-- KEYS: 1 turn, 2 settled messages (score: when settled, ms)
-- ARGV: 1 replica, 2 how long the turn lasts from now (ms), 3.. entry ids
-- Returns {'0'} when it is not this replica's turn, else {'1', ids settled already...}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
	return {'0'}
end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
local settled = {'1'}
for i = 3, #ARGV do
	if redis.call('ZSCORE', KEYS[2], ARGV[i]) then
		table.insert(settled, ARGV[i])
	end
end
return settled
