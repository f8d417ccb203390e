-- Compressed time (secondsPerWorkingDay, secondsPerMonth) is a worker setting now (TIME_SCALE_SECONDS_PER_WORKING_DAY,
-- TIME_SCALE_SECONDS_PER_MONTH, refused in production), never policy data: the keys leave every stored policy.
-- Snapshots kept on cases (the policy a case ran under) are history and stay as they were.
UPDATE "Policy"
SET "params" = "params" - 'secondsPerWorkingDay' - 'secondsPerMonth'
WHERE jsonb_typeof("params") = 'object'
  AND ("params" ? 'secondsPerWorkingDay' OR "params" ? 'secondsPerMonth');
