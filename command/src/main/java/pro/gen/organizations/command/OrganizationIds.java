package pro.gen.organizations.command;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hands out ids for new organizations and their system agents from PostgreSQL sequences:
 * positive, increasing and never reused, across every instance of the service.
 */
public class OrganizationIds {

    private final JdbcTemplate jdbc;

    public OrganizationIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long nextOrganizationId() {
        return next("organization_id_seq");
    }

    public long nextAgentId() {
        return next("agent_id_seq");
    }

    private long next(String sequence) {
        Long value = jdbc.queryForObject("SELECT nextval('" + sequence + "')", Long.class);
        if (value == null) {
            throw new IllegalStateException("Sequence " + sequence + " returned no value");
        }
        return value;
    }
}
