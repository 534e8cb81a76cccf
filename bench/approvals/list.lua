-- The public approval list at random pages (bench/approvals/run.sh): GET /api/v1/batches/{batch}/approvals.
-- Arguments: the batch id, then "q:pages" pairs; an empty q (":pages") is the unfiltered list. Each request picks
-- one pair and a random page among its pages, 20 items a page.
local batch
local filters = {}
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

function init(args)
  batch = args[1]
  for i = 2, #args do
    local q, pages = string.match(args[i], "^(.*):(%d+)$")
    table.insert(filters, { q = q, pages = tonumber(pages) })
  end
  math.randomseed(os.time() + (tid or 0) * 7919)
end

function request()
  local f = filters[math.random(#filters)]
  local page = math.random(0, math.max(f.pages, 1) - 1)
  local path = "/api/v1/batches/" .. batch .. "/approvals?page=" .. page .. "&size=20"
  if f.q ~= "" then
    path = path .. "&q=" .. f.q
  end
  return wrk.format("GET", path)
end
