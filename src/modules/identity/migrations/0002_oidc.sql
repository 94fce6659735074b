-- OpenID Connect sign-in: the attempts under way (one per «Logg inn med …» click) and the ID token
-- each OIDC session needs for RP-initiated sign-out.

-- A pending attempt lives ten minutes and is deleted when its callback arrives, so a state is used
-- at most once: a replayed callback finds nothing and is refused.
CREATE TABLE oidc_attempts (
  state text PRIMARY KEY,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  redirect text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX oidc_attempts_created_at ON oidc_attempts (created_at);

-- The provider's end-session endpoint wants the ID token back as a hint; it goes with the session.
CREATE TABLE oidc_sessions (
  session_id text PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  id_token text NOT NULL,
  issuer text NOT NULL
);
