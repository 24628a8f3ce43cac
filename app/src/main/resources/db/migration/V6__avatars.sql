-- Avatars: the files themselves, the uploads still waiting for their command, and which
-- organization uses which files.

-- Every image and thumbnail, stored once under the SHA-256 hash of its content, so that
-- every instance of the service serves the same files.
CREATE TABLE avatar_file (
    hash         CHAR(64)    PRIMARY KEY,
    content_type VARCHAR(32) NOT NULL,
    content      BYTEA       NOT NULL,
    stored_at    TIMESTAMPTZ NOT NULL
);

-- The content is already compressed: store it out of line without trying again.
ALTER TABLE avatar_file ALTER COLUMN content SET STORAGE EXTERNAL;

-- Files stored for a request whose command is not decided yet; they are not collected
-- while the claim lasts, even when no organization uses them.
CREATE TABLE avatar_upload (
    upload_id  UUID        NOT NULL,
    hash       CHAR(64)    NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (upload_id, hash)
);

CREATE INDEX avatar_upload_hash ON avatar_upload (hash);

-- Written by the avatar-files projection, which is never replayed: a file that no row
-- names (and no upload claims) is deleted.
CREATE TABLE avatar_reference (
    organization_id BIGINT   PRIMARY KEY,
    image_hash      CHAR(64) NOT NULL,
    thumbnail_hash  CHAR(64) NOT NULL
);

CREATE INDEX avatar_reference_image ON avatar_reference (image_hash);
CREATE INDEX avatar_reference_thumbnail ON avatar_reference (thumbnail_hash);

ALTER TABLE organization_view
    ADD COLUMN avatar_hash           CHAR(64),
    ADD COLUMN avatar_thumbnail_hash CHAR(64);
