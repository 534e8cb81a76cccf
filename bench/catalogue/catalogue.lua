-- The catalogue queries a teacher's browsing makes: filters, search, sorting, deep pages.
-- The same queries go to Xietong and to the baseline; `prefix` and `batch` come from the command line.
local i = 0
local queries = {
  "page=0&size=20",
  "type=CURRICULUM&sort=cash&page=5&size=20",
  "industry=%E6%B1%BD%E8%BD%A6&page=2&size=20",
  "minCash=30000&sort=title&page=10&size=20",
  "q=%E6%99%BA%E8%83%BD&page=1&size=20",
  "type=TEACHER_TRAINING&industry=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD&page=0&size=50",
  "sort=cash&page=100&size=20",
}
local prefix, batch

function init(args)
  prefix = args[1]
  batch = args[2]
end

function request()
  i = i % #queries + 1
  return wrk.format("GET", prefix .. "?batchId=" .. batch .. "&" .. queries[i])
end
