import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The whole domain model of DESIGN.md. Enumerations are text with CHECK constraints (adding a value
 * is a one-line migration, and `down` needs no type juggling). Money numeric(18,2), rates numeric(9,6).
 * Policy numbers (the 20% bank share, the 10,000,000 cap) are NOT constraints here: they are versioned
 * data (R14) and checked by the services against the set in force.
 */
export class InitialSchema1764201600000 implements MigrationInterface {
  name = 'InitialSchema1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE region (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(12) NOT NULL UNIQUE,
        name text NOT NULL CHECK (name <> '' AND name !~ '\\s'),
        kind varchar(24) NOT NULL CHECK (kind IN ('CITY','DISTRICT','COUNTY','COUNTY_LEVEL_CITY','DEVELOPMENT_ZONE')),
        parent_id uuid REFERENCES region(id),
        sort_order int NOT NULL
      )`);
    await q.query(`CREATE INDEX ix_region_parent ON region(parent_id)`);

    await q.query(`
      CREATE TABLE department (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(48) NOT NULL UNIQUE,
        name text NOT NULL,
        role varchar(32) NOT NULL,
        region_id uuid REFERENCES region(id)
      )`);
    await q.query(`CREATE INDEX ix_department_region ON department(region_id)`);

    await q.query(`
      CREATE TABLE guarantee_institution (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (btrim(name) <> ''),
        credit_code char(18) NOT NULL UNIQUE,
        level varchar(16) NOT NULL CHECK (level IN ('MUNICIPAL','COUNTY')),
        region_id uuid NOT NULL REFERENCES region(id),
        is_re_guarantor boolean NOT NULL DEFAULT false,
        in_holding_group boolean NOT NULL DEFAULT false,
        registered_capital numeric(18,2) NOT NULL CHECK (registered_capital >= 0),
        paid_in_capital numeric(18,2) NOT NULL CHECK (paid_in_capital >= 0),
        net_assets numeric(18,2) NOT NULL,
        list_status varchar(16) NOT NULL DEFAULT 'NOT_REPORTED' CHECK (list_status IN ('NOT_REPORTED','REPORTED','ADMITTED')),
        reported_on date,
        admitted_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (admitted_on IS NULL OR reported_on IS NULL OR admitted_on >= reported_on)
      )`);
    await q.query(`CREATE INDEX ix_institution_region ON guarantee_institution(region_id)`);

    await q.query(`
      CREATE TABLE bank (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL UNIQUE CHECK (btrim(name) <> ''),
        kind varchar(24) NOT NULL CHECK (kind IN ('POLICY','LARGE_STATE_OWNED','JOINT_STOCK','CITY_COMMERCIAL','RURAL_COMMERCIAL','VILLAGE','OTHER')),
        region_id uuid REFERENCES region(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_bank_region ON bank(region_id)`);

    await q.query(`
      CREATE TABLE cooperation_agreement (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        bank_id uuid NOT NULL REFERENCES bank(id),
        bank_risk_share numeric(9,6) NOT NULL CHECK (bank_risk_share BETWEEN 0 AND 1),
        credit_line numeric(18,2) NOT NULL CHECK (credit_line >= 0),
        used_credit numeric(18,2) NOT NULL DEFAULT 0 CHECK (used_credit >= 0),
        batch_mode boolean NOT NULL,
        green_channel boolean NOT NULL DEFAULT false,
        exception_reason text,
        signed_on date NOT NULL,
        expires_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (expires_on IS NULL OR expires_on >= signed_on),
        CHECK (exception_reason IS NULL OR btrim(exception_reason) <> '')
      )`);
    await q.query(`CREATE INDEX ix_agreement_institution ON cooperation_agreement(institution_id)`);
    await q.query(`CREATE INDEX ix_agreement_bank ON cooperation_agreement(bank_id)`);

    await q.query(`
      CREATE TABLE borrower (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (btrim(name) <> ''),
        identifier varchar(18) NOT NULL UNIQUE CHECK (identifier ~ '^[0-9A-Z]{18}$'),
        identifier_kind varchar(16) NOT NULL CHECK (identifier_kind IN ('CREDIT_CODE','RESIDENT_ID')),
        kind varchar(32) NOT NULL CHECK (kind IN ('SMALL_ENTERPRISE','MICRO_ENTERPRISE','INDIVIDUAL_BUSINESS','FARMER','FAMILY_FARM','FARMER_COOPERATIVE','AGRICULTURAL_ENTERPRISE','OTHER_ENTERPRISE','GOVERNMENT_PLATFORM')),
        region_id uuid NOT NULL REFERENCES region(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_borrower_region ON borrower(region_id)`);

    await q.query(`
      CREATE TABLE guarantee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(64) NOT NULL CHECK (btrim(code) <> ''),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        bank_id uuid NOT NULL REFERENCES bank(id),
        agreement_id uuid REFERENCES cooperation_agreement(id),
        borrower_id uuid NOT NULL REFERENCES borrower(id),
        region_id uuid NOT NULL REFERENCES region(id),
        kind varchar(16) NOT NULL CHECK (kind IN ('LOAN','BOND','OTHER_FINANCING')),
        loan_amount numeric(18,2) NOT NULL CHECK (loan_amount > 0),
        guaranteed_amount numeric(18,2) NOT NULL CHECK (guaranteed_amount > 0 AND guaranteed_amount <= loan_amount),
        fee_rate numeric(9,6) NOT NULL CHECK (fee_rate BETWEEN 0 AND 1),
        bank_risk_share numeric(9,6) NOT NULL CHECK (bank_risk_share BETWEEN 0 AND 1),
        start_on date NOT NULL,
        end_on date NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE','RELEASED','COMPENSATED')),
        released_on date,
        small_agri boolean NOT NULL,
        compensated_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (compensated_amount >= 0 AND compensated_amount <= guaranteed_amount),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_guarantee_institution_code UNIQUE (institution_id, code),
        CHECK (end_on >= start_on),
        CHECK (released_on IS NULL OR released_on >= start_on),
        CHECK ((status = 'ACTIVE') = (released_on IS NULL))
      )`);
    // The `guarantees` page reads newest first by keyset (start_on DESC, id DESC): each index below serves it
    // backwards, alone or after the equality filter it leads with (and doubles as that foreign key's index).
    await q.query(`CREATE INDEX ix_guarantee_institution ON guarantee(institution_id, start_on, id)`);
    await q.query(`CREATE INDEX ix_guarantee_bank ON guarantee(bank_id, start_on, id)`);
    await q.query(`CREATE INDEX ix_guarantee_agreement ON guarantee(agreement_id)`);
    await q.query(`CREATE INDEX ix_guarantee_borrower ON guarantee(borrower_id)`);
    await q.query(`CREATE INDEX ix_guarantee_region ON guarantee(region_id, start_on, id)`);
    await q.query(`CREATE INDEX ix_guarantee_start_on ON guarantee(start_on, id)`);
    await q.query(`CREATE INDEX ix_guarantee_status ON guarantee(status)`);
    // R1: the borrower's in-force amount at one institution, read at every grant.
    await q.query(`CREATE INDEX ix_guarantee_in_force ON guarantee(institution_id, borrower_id) INCLUDE (guaranteed_amount) WHERE status = 'ACTIVE'`);

    await q.query(`
      CREATE TABLE compensation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        guarantee_id uuid NOT NULL REFERENCES guarantee(id),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        paid_on date NOT NULL,
        recovered_amount numeric(18,2) NOT NULL DEFAULT 0 CHECK (recovered_amount >= 0 AND recovered_amount <= amount),
        suspected_malicious boolean NOT NULL,
        evidence text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_compensation_guarantee ON compensation(guarantee_id)`);
    await q.query(`CREATE INDEX ix_compensation_institution ON compensation(institution_id)`);
    await q.query(`CREATE INDEX ix_compensation_paid_on ON compensation(paid_on)`);

    await q.query(`
      CREATE TABLE recovery (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        compensation_id uuid NOT NULL REFERENCES compensation(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        recovered_on date NOT NULL,
        note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_recovery_compensation ON recovery(compensation_id)`);

    await q.query(`
      CREATE TABLE malicious_default_lead (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        compensation_id uuid NOT NULL UNIQUE REFERENCES compensation(id),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        status varchar(16) NOT NULL DEFAULT 'PENDING_REVIEW' CHECK (status IN ('PENDING_REVIEW','DISMISSED','CONFIRMED','TRANSFERRED','INVESTIGATING','CASE_FILED','CLOSED_NO_CASE')),
        evidence text NOT NULL CHECK (btrim(evidence) <> ''),
        review_note text,
        reviewed_at timestamptz,
        reviewed_by text,
        transferred_at timestamptz,
        police_case_number text,
        police_note text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status IN ('PENDING_REVIEW','DISMISSED','CONFIRMED')) = (transferred_at IS NULL))
      )`);
    await q.query(`CREATE INDEX ix_lead_institution ON malicious_default_lead(institution_id)`);
    await q.query(`CREATE INDEX ix_lead_status ON malicious_default_lead(status)`);

    await q.query(`
      CREATE TABLE risk_compensation_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        mode varchar(16) NOT NULL CHECK (mode IN ('PROGRESSIVE','FLAT_CAPPED')),
        released_amount numeric(18,2) NOT NULL CHECK (released_amount >= 0),
        compensated_amount numeric(18,2) NOT NULL CHECK (compensated_amount >= 0),
        compensation_rate numeric(9,6),
        payout numeric(18,2) NOT NULL CHECK (payout >= 0),
        tiers jsonb NOT NULL,
        status varchar(16) NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED','APPROVED','REJECTED','PAID')),
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        decided_by_role varchar(32),
        decided_at timestamptz,
        decision_note text
      )`);
    await q.query(`CREATE INDEX ix_risk_claim_institution ON risk_compensation_claim(institution_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_risk_claim_open ON risk_compensation_claim(institution_id, year) WHERE status <> 'REJECTED'`);

    await q.query(`
      CREATE TABLE fee_subsidy_claim (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        eligible_amount numeric(18,2) NOT NULL CHECK (eligible_amount >= 0),
        eligible_count int NOT NULL CHECK (eligible_count >= 0),
        subsidy_rate numeric(9,6) NOT NULL CHECK (subsidy_rate BETWEEN 0 AND 1),
        subsidy_amount numeric(18,2) NOT NULL CHECK (subsidy_amount >= 0),
        status varchar(16) NOT NULL DEFAULT 'SUBMITTED' CHECK (status IN ('SUBMITTED','APPROVED','REJECTED','PAID')),
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        industry_decided_at timestamptz,
        finance_decided_at timestamptz,
        decision_note text
      )`);
    await q.query(`CREATE INDEX ix_fee_subsidy_institution ON fee_subsidy_claim(institution_id)`);
    await q.query(`CREATE UNIQUE INDEX uq_fee_subsidy_claim_open ON fee_subsidy_claim(institution_id, year) WHERE status <> 'REJECTED'`);

    await q.query(`
      CREATE TABLE capital_injection (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        amount numeric(18,2) NOT NULL CHECK (amount > 0),
        source varchar(24) NOT NULL CHECK (source IN ('GOVERNMENT','FINANCIAL_INSTITUTION','ENTERPRISE','SOCIAL_ORGANIZATION','INDIVIDUAL')),
        form varchar(16) NOT NULL CHECK (form IN ('EQUITY','DONATION')),
        basis varchar(16) CHECK (basis IN ('GROWTH','COMPENSATION','EVALUATION')),
        injected_on date NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX ix_capital_injection_institution ON capital_injection(institution_id)`);

    await q.query(`
      CREATE TABLE performance_evaluation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2999),
        small_agri_share numeric(9,6) CHECK (small_agri_share BETWEEN 0 AND 1),
        average_fee_rate numeric(9,6) CHECK (average_fee_rate BETWEEN 0 AND 1),
        compensation_rate numeric(9,6) CHECK (compensation_rate >= 0),
        leverage numeric(12,6) CHECK (leverage >= 0),
        score numeric(5,2) NOT NULL CHECK (score BETWEEN 0 AND 100),
        grade varchar(16) NOT NULL CHECK (grade IN ('EXCELLENT','GOOD','PASS','FAIL')),
        evaluator_role varchar(32) NOT NULL CHECK (evaluator_role IN ('SASAC','FINANCE')),
        comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_evaluation_institution_year UNIQUE (institution_id, year)
      )`);

    await q.query(`
      CREATE TABLE monthly_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        month char(7) NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        version int NOT NULL CHECK (version >= 1),
        new_count int NOT NULL CHECK (new_count >= 0),
        new_amount numeric(18,2) NOT NULL CHECK (new_amount >= 0),
        outstanding_balance numeric(18,2) NOT NULL CHECK (outstanding_balance >= 0),
        small_agri_share numeric(9,6) CHECK (small_agri_share BETWEEN 0 AND 1),
        average_fee_rate numeric(9,6) CHECK (average_fee_rate BETWEEN 0 AND 1),
        compensated_amount numeric(18,2) NOT NULL CHECK (compensated_amount >= 0),
        submitted_by text NOT NULL,
        submitted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_monthly_report_version UNIQUE (institution_id, month, version)
      )`);

    await q.query(`
      CREATE TABLE report_notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL REFERENCES monthly_report(id),
        bank_id uuid NOT NULL REFERENCES bank(id),
        notified_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT uq_report_notification UNIQUE (report_id, bank_id)
      )`);
    await q.query(`CREATE INDEX ix_report_notification_bank ON report_notification(bank_id)`);

    await q.query(`
      CREATE TABLE task_force_member (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (name <> '' AND name !~ '\\s'),
        title text NOT NULL CHECK (btrim(title) <> ''),
        position varchar(16) NOT NULL CHECK (position IN ('LEADER','DEPUTY_LEADER','MEMBER')),
        is_office_director boolean NOT NULL DEFAULT false,
        sort_order int NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX uq_task_force_office_director ON task_force_member(is_office_director) WHERE is_office_director`);
    await q.query(`CREATE UNIQUE INDEX uq_task_force_leader ON task_force_member(position) WHERE position = 'LEADER'`);

    await q.query(`
      CREATE TABLE policy_parameter_set (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        effective_on date NOT NULL UNIQUE,
        source text NOT NULL,
        max_household_amount numeric(18,2) NOT NULL CHECK (max_household_amount > 0),
        small_agri_target_share numeric(9,6) NOT NULL CHECK (small_agri_target_share BETWEEN 0 AND 1),
        small_household_amount numeric(18,2) NOT NULL CHECK (small_household_amount > 0),
        small_household_target_share numeric(9,6) NOT NULL CHECK (small_household_target_share BETWEEN 0 AND 1),
        fee_rate_target numeric(9,6) NOT NULL CHECK (fee_rate_target BETWEEN 0 AND 1),
        min_bank_risk_share numeric(9,6) NOT NULL CHECK (min_bank_risk_share BETWEEN 0 AND 1),
        compensation_tiers jsonb NOT NULL CHECK (jsonb_typeof(compensation_tiers) = 'array'),
        compensation_mode varchar(16) NOT NULL CHECK (compensation_mode IN ('PROGRESSIVE','FLAT_CAPPED')),
        subsidy_max_fee_rate numeric(9,6) NOT NULL CHECK (subsidy_max_fee_rate BETWEEN 0 AND 1),
        fee_subsidy_rate numeric(9,6) NOT NULL CHECK (fee_subsidy_rate BETWEEN 0 AND 1),
        leverage_small_loan_amount numeric(18,2) NOT NULL,
        leverage_farmer_loan_amount numeric(18,2) NOT NULL,
        leverage_small_weight numeric(9,6) NOT NULL CHECK (leverage_small_weight BETWEEN 0 AND 1),
        leverage_bond_weight numeric(9,6) NOT NULL CHECK (leverage_bond_weight BETWEEN 0 AND 1),
        leverage_cap numeric(9,2) NOT NULL CHECK (leverage_cap > 0),
        leverage_cap_focused numeric(9,2) NOT NULL CHECK (leverage_cap_focused > 0),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(64) NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._@-]{3,64}$'),
        password_hash text NOT NULL,
        role varchar(32) NOT NULL,
        region_id uuid REFERENCES region(id),
        institution_id uuid REFERENCES guarantee_institution(id),
        bank_id uuid REFERENCES bank(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'GUARANTEE_INSTITUTION') = (institution_id IS NOT NULL)),
        CHECK ((role = 'BANK') = (bank_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX ix_user_region ON app_user(region_id)`);
    await q.query(`CREATE INDEX ix_user_institution ON app_user(institution_id)`);
    await q.query(`CREATE INDEX ix_user_bank ON app_user(bank_id)`);

    await q.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub text,
        actor_role varchar(32),
        operation text NOT NULL,
        target_ids text[] NOT NULL DEFAULT '{}',
        outcome varchar(16) NOT NULL CHECK (outcome IN ('ACCEPTED','REJECTED')),
        error_code varchar(32),
        detail jsonb
      )`);
    await q.query(`CREATE INDEX ix_audit_log_at ON audit_log(at)`);
    // auditLog(operation:) pages newest first within one operation.
    await q.query(`CREATE INDEX ix_audit_log_operation ON audit_log(operation, id)`);
    // Append-only, whoever connects: the trigger fires for the table's owner too, unlike a REVOKE.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);

    await q.query(`
      CREATE TABLE business_month_stats (
        institution_id uuid NOT NULL REFERENCES guarantee_institution(id),
        bank_id uuid NOT NULL REFERENCES bank(id),
        region_id uuid NOT NULL REFERENCES region(id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        new_count int NOT NULL DEFAULT 0 CHECK (new_count >= 0),
        new_amount numeric(24,2) NOT NULL DEFAULT 0 CHECK (new_amount >= 0),
        small_agri_count int NOT NULL DEFAULT 0 CHECK (small_agri_count >= 0),
        small_agri_amount numeric(24,2) NOT NULL DEFAULT 0 CHECK (small_agri_amount >= 0),
        small_household_amount numeric(24,2) NOT NULL DEFAULT 0 CHECK (small_household_amount >= 0),
        fee_weighted_amount numeric(30,8) NOT NULL DEFAULT 0 CHECK (fee_weighted_amount >= 0),
        fee_rate_sum numeric(24,6) NOT NULL DEFAULT 0 CHECK (fee_rate_sum >= 0),
        released_amount numeric(24,2) NOT NULL DEFAULT 0 CHECK (released_amount >= 0),
        compensated_amount numeric(24,2) NOT NULL DEFAULT 0 CHECK (compensated_amount >= 0),
        PRIMARY KEY (institution_id, bank_id, region_id, month)
      )`);
    await q.query(`CREATE INDEX ix_business_month_stats_bank ON business_month_stats(bank_id)`);
    await q.query(`CREATE INDEX ix_business_month_stats_region ON business_month_stats(region_id)`);
    await q.query(`CREATE INDEX ix_business_month_stats_month ON business_month_stats(month)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'business_month_stats',
      'audit_log',
      'app_user',
      'policy_parameter_set',
      'task_force_member',
      'report_notification',
      'monthly_report',
      'performance_evaluation',
      'capital_injection',
      'fee_subsidy_claim',
      'risk_compensation_claim',
      'malicious_default_lead',
      'recovery',
      'compensation',
      'guarantee',
      'borrower',
      'cooperation_agreement',
      'bank',
      'guarantee_institution',
      'department',
      'region',
    ]) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP FUNCTION audit_log_append_only()`);
  }
}
