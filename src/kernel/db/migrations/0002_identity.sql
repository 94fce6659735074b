-- Who a user is outside Knutepunkt (the municipality's identity provider, SCIM provisioning, the
-- HR system's employee number), and the roles granted by hand, each with a reason and an end.

ALTER TABLE users ADD COLUMN employee_number text;
ALTER TABLE users ADD COLUMN email text;
-- SCIM's externalId: the provider's own id (Entra ID's objectId).
ALTER TABLE users ADD COLUMN external_id text;
ALTER TABLE users ADD COLUMN oidc_issuer text;
ALTER TABLE users ADD COLUMN oidc_subject text;
ALTER TABLE users ADD COLUMN source text NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'oidc', 'scim'));
-- Group names from the provider's groups claim at the last sign-in (mapped to roles by the identity module).
ALTER TABLE users ADD COLUMN groups text[] NOT NULL DEFAULT '{}';
ALTER TABLE users ADD COLUMN last_sign_in_at timestamptz;
ALTER TABLE users ADD COLUMN disabled_reason text;
ALTER TABLE users ADD CONSTRAINT users_oidc_pair CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));

CREATE UNIQUE INDEX users_employee_number_key ON users (employee_number) WHERE employee_number IS NOT NULL;
CREATE UNIQUE INDEX users_external_id_key ON users (external_id) WHERE external_id IS NOT NULL;
CREATE UNIQUE INDEX users_oidc_subject_key ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;
CREATE INDEX users_email_idx ON users (lower(email)) WHERE email IS NOT NULL;

-- A role given by hand. `valid_to` is exclusive (the first day without it); none: until revoked.
CREATE TABLE role_grants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL,
  reason text NOT NULL CHECK (length(trim(reason)) > 0),
  valid_to date,
  granted_by uuid,
  granted_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz,
  revoked_by uuid
);
CREATE INDEX role_grants_user_idx ON role_grants (user_id);

-- Every sign-in and every refused one, for the user page's history. `reason` is a stable code
-- ('invalid_credentials', 'disabled', 'wrong_audience', 'expired', …); no passwords, no tokens.
CREATE TABLE sign_in_events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid REFERENCES users (id) ON DELETE SET NULL,
  username text,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  method text NOT NULL CHECK (method IN ('password', 'oidc')),
  outcome text NOT NULL CHECK (outcome IN ('success', 'refused')),
  reason text,
  ip text
);
CREATE INDEX sign_in_events_user_idx ON sign_in_events (user_id, occurred_at DESC);
