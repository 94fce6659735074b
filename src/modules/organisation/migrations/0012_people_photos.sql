-- Photos of people, from the HR feed only (docs/hr-feed.md «Bilder»): one per person, checked by
-- its bytes (JPEG, PNG or WebP), metadata removed before it is stored. Kept in the database so a backup
-- holds them and both databases serve them alike. The feed's file is the whole list: a person the
-- file gives no photo loses theirs.
CREATE TABLE org_person_photos (
  person_id uuid PRIMARY KEY REFERENCES org_people (id) ON DELETE CASCADE,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes bytea NOT NULL,
  byte_size integer NOT NULL CHECK (byte_size > 0),
  -- SHA-256 of the stored bytes: the ETag, and how a run sees that a photo did not change.
  sha256 text NOT NULL,
  -- The file name in the feed's photo folder it came from.
  file_name text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Contact details from the HR feed (the CSV's optional «E-post» and «Telefon» columns), shown on
-- the person card with where they come from. Same rule as photos: with the column, the file is
-- the whole set; without it, left as they are.
CREATE TABLE org_person_contacts (
  person_id uuid PRIMARY KEY REFERENCES org_people (id) ON DELETE CASCADE,
  email text CHECK (email IS NULL OR length(email) BETWEEN 3 AND 254),
  phone text CHECK (phone IS NULL OR length(phone) BETWEEN 3 AND 40),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (email IS NOT NULL OR phone IS NOT NULL)
);
