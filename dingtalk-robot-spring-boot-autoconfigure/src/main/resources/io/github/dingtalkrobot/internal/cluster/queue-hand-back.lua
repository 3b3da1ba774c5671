-- Makes messages a replica read and will not send claimable by the next replica at once.
-- KEYS: 1 stream
-- ARGV: 1 consumer group, 2 replica, 3 claim time (ms), 4.. entry ids
if redis.call('EXISTS', KEYS[1]) == 0 then
	return 0
end
local args = {'XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0}
for i = 4, #ARGV do
	table.insert(args, ARGV[i])
end
table.insert(args, 'IDLE')
table.insert(args, ARGV[3])
table.insert(args, 'JUSTID')
redis.call(unpack(args))
return 1
