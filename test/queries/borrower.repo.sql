-- NOTE: This file is written by test/integration/repo-queries.test.ts. Review it; do not edit it by hand.

-- BorrowerRepo.upsert
INSERT INTO borrower AS b (institution_id, identifier, identifier_kind, name, kind, region_id)
SELECT $1::uuid, * FROM unnest($2::varchar[], $3::varchar[], $4::text[], $5::varchar[], $6::uuid[]) ORDER BY 2
ON CONFLICT (institution_id, identifier)
  DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, region_id = EXCLUDED.region_id, updated_at = now()
RETURNING b.id, b.identifier;

-- BorrowerRepo.byIds
SELECT id, name, identifier, identifier_kind AS "identifierKind", kind, region_id AS "regionId" FROM borrower WHERE id = ANY($1);
