-- Read models, each written by one projection. They can be dropped and rebuilt from the
-- events at any time.

CREATE TABLE projection_progress (
    processing_group VARCHAR(64) NOT NULL,
    organization_id  BIGINT      NOT NULL,
    last_sequence    BIGINT      NOT NULL,
    PRIMARY KEY (processing_group, organization_id)
);

-- organizations
CREATE TABLE organization_view (
    id            BIGINT      PRIMARY KEY,
    uuid          UUID        NOT NULL,
    name          TEXT        NOT NULL,
    total_members INTEGER     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);

CREATE TABLE organization_access (
    organization_id BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    role            VARCHAR(16) NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

CREATE INDEX organization_access_user ON organization_access (user_id, organization_id);

-- members
CREATE TABLE member_view (
    organization_id BIGINT      NOT NULL,
    user_id         BIGINT      NOT NULL,
    role            VARCHAR(16) NOT NULL,
    joined_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (organization_id, user_id)
);

-- agents
CREATE TABLE agent_view (
    id              BIGINT      PRIMARY KEY,
    organization_id BIGINT      NOT NULL,
    name            TEXT        NOT NULL,
    system          BOOLEAN     NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX agent_view_organization ON agent_view (organization_id);

-- workspaces
CREATE TABLE workspace_view (
    id   BIGINT PRIMARY KEY,
    name TEXT   NOT NULL
);
