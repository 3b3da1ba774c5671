-- Reads the next messages of a robot's queue for the replica whose turn it is: first
-- those a replica read and left unsettled for longer than the claim time, then new ones.
-- KEYS: 1 stream
-- ARGV: 1 consumer group, 2 replica, 3 count, 4 claim time (ms)
-- Returns {entry id, message id, origin, message, ...}
if redis.call('EXISTS', KEYS[1]) == 0 then
	return {}
end
local count = tonumber(ARGV[3])
local read = {}
local claimed = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[4], '0-0', 'COUNT', count)
for _, entry in ipairs(claimed[2]) do
	if type(entry[2]) == 'table' then
		table.insert(read, entry)
	else
		-- Deleted while pending: nothing left to send
		redis.call('XACK', KEYS[1], ARGV[1], entry[1])
	end
end
if #read < count then
	local fresh = redis.call('XREADGROUP', 'GROUP', ARGV[1], ARGV[2], 'COUNT', count - #read, 'STREAMS',
		KEYS[1], '>')
	if fresh then
		for _, entry in ipairs(fresh[1][2]) do
			table.insert(read, entry)
		end
	end
end
local result = {}
for _, entry in ipairs(read) do
	local fields = {}
	for i = 1, #entry[2], 2 do
		fields[entry[2][i]] = entry[2][i + 1]
	end
	table.insert(result, entry[1])
	table.insert(result, fields['id'])
	table.insert(result, fields['origin'])
	table.insert(result, fields['message'])
end
return result
