-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- UserRepo.insert
INSERT INTO app_user (username, password_hash, role, region_id, institution_id, bank_id)
VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, username, role, region_id, institution_id, bank_id, active;

-- UserRepo.insertIfAbsent
INSERT INTO app_user (username, password_hash, role) VALUES ($1, $2, $3)
ON CONFLICT (username) DO NOTHING RETURNING id;

-- UserRepo.list
SELECT id, username, role, region_id, institution_id, bank_id, active FROM app_user ORDER BY username COLLATE "C";

-- UserRepo.get
SELECT id, username, role, region_id, institution_id, bank_id, active FROM app_user WHERE id = $1;

-- UserRepo.credentials (by username)
SELECT id, username, role, region_id, institution_id, bank_id, active, password_hash, token_version FROM app_user WHERE username = $1;

-- UserRepo.credentials (by id)
SELECT id, username, role, region_id, institution_id, bank_id, active, password_hash, token_version FROM app_user WHERE id = $1;

-- UserRepo.tokenState
SELECT active, token_version AS "tokenVersion" FROM app_user WHERE id = $1;

-- UserRepo.usernameTaken
SELECT 1 FROM app_user WHERE username = $1;

-- UserRepo.scopeTargetExists
SELECT 1 FROM guarantee_institution WHERE id = $1;

-- UserRepo.countByRole
SELECT count(*)::int AS n FROM app_user WHERE role = $1;

-- UserRepo.lockActive
SELECT id FROM app_user WHERE role = $1 AND active ORDER BY id FOR UPDATE;

-- UserRepo.setActive
UPDATE app_user SET token_version = token_version + CASE WHEN active AND NOT $1 THEN 1 ELSE 0 END, active = $1
WHERE id = $2 RETURNING id, username, role, region_id, institution_id, bank_id, active;

-- UserRepo.setPassword (reset)
UPDATE app_user SET password_hash = $1, token_version = token_version + 1
WHERE id = $2 AND (CAST($3 AS text) IS NULL OR password_hash = $3) RETURNING id, username, role, region_id, institution_id, bank_id, active;

-- UserRepo.setPassword (change, over the checked hash)
UPDATE app_user SET password_hash = $1, token_version = token_version + 1
WHERE id = $2 AND (CAST($3 AS text) IS NULL OR password_hash = $3) RETURNING id, username, role, region_id, institution_id, bank_id, active;

-- UserRepo.rehash
UPDATE app_user SET password_hash = $1 WHERE id = $2;

-- LoginFailureRepo.recent
SELECT count(*) FILTER (WHERE account = $1)::int AS "byAccount",
      count(*) FILTER (WHERE address = $2)::int AS "byAddress",
      ceil(extract(epoch FROM min(failed_at) + make_interval(secs => $3) - now()))::int AS "retryAfter"
 FROM login_failure
WHERE (account = $1 OR address = $2) AND failed_at > now() - make_interval(secs => $3);

-- LoginFailureRepo.record
INSERT INTO login_failure (account, address) VALUES ($1, $2);
DELETE FROM login_failure WHERE failed_at < now() - make_interval(secs => $1);

-- LoginFailureRepo.clear
DELETE FROM login_failure WHERE account = $1;
