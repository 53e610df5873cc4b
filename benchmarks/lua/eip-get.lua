-- GET /v1/eips/{id} with a random id per request from the file named by $EIP_IDS (one id a line).
local ids = {}

function init(args)
    for line in io.lines(os.getenv("EIP_IDS")) do
        if #line > 0 then ids[#ids + 1] = line end
    end
    -- A per-thread seed: the address of this thread's table differs between threads.
    math.randomseed(os.time() + tonumber(tostring(ids):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
    return wrk.format("GET", "/v1/eips/" .. ids[math.random(#ids)])
end
