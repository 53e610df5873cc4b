-- POST /v1/fips, each request a new FIP on its own pre-created EIP. $EIP_IDS names a file of EIP
-- ids (one a line); wrk thread k of n takes ids k, k+n, k+2n, … so no two requests share an EIP.
-- Router "vpc1" must exist in NB. Prints "created N" (201 responses) and "duration_s S".
local threads = {}
local counter = 1

function setup(thread)
    thread:set("tid", counter)
    threads[counter] = thread
    counter = counter + 1
end

local ids = {}
local next_index
local step

function init(args)
    local all = {}
    for line in io.lines(os.getenv("EIP_IDS")) do
        if #line > 0 then all[#all + 1] = line end
    end
    ids = all
    step = tonumber(os.getenv("WRK_THREADS") or "2")
    next_index = tid
    created = 0
    exhausted = 0
end

function request()
    local index = next_index
    next_index = next_index + step
    if index > #ids then
        exhausted = exhausted + 1
        return wrk.format("GET", "/healthz")
    end
    local body = string.format('{"eip":"%s","router":"vpc1","internal_ip":"10.%d.%d.%d"}',
        ids[index], 1 + math.floor(index / 62500), math.floor(index / 250) % 250, 1 + index % 250)
    return wrk.format("POST", "/v1/fips", { ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
    if status == 201 then created = created + 1 end
end

function done(summary, latency, requests)
    local total, spare = 0, 0
    for _, thread in ipairs(threads) do
        total = total + thread:get("created")
        spare = spare + thread:get("exhausted")
    end
    io.write(string.format("created %d\nduration_s %.3f\nafter_ids_ran_out %d\n", total, summary.duration / 1e6, spare))
end
