-- What `claims leaderboard` asks sql/analysis/leaderboards.sql for; a null is
-- that query's default (every benchmark, every metric, its row limit).
SET VARIABLE leaderboard_benchmark = CAST($benchmark AS VARCHAR);
SET VARIABLE leaderboard_metric = CAST($metric AS VARCHAR);
SET VARIABLE leaderboard_limit = CAST($limit AS INTEGER);
