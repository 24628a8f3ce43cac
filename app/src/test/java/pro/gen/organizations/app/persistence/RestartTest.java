package pro.gen.organizations.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.OrganizationsApplication;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.TestDatabase;
import pro.gen.organizations.app.support.TestDatabaseLease;

/**
 * Stops the service and starts it again on the same database: everything acknowledged
 * before is there after, and the projections carry on from where they stopped instead of
 * starting over.
 */
class RestartTest {

    private static final String DATABASE = "orgs_restart";

    @Test
    void everythingAcknowledgedBeforeARestartIsThereAfterIt() {
        TestUser owner;
        TestUser editor;
        long kept;
        long deleted;
        List<Map<String, Object>> tokensBefore;
        try (ConfigurableApplicationContext first = start()) {
            ApiClient api = client(first);
            owner = api.newUser();
            editor = api.newUser();
            kept = api.newOrganization(owner, "Ærøskøbing Cykler 株式会社 🚀");
            deleted = api.newOrganization(owner, "Short lived");
            api.json("POST", "/v1/organizations/" + kept + "/members", owner,
                    Map.of("member", Map.of("user_id", editor.id(), "role", "editor")));
            api.json("PATCH", "/v1/organizations/" + kept, owner,
                    Map.of("organization", Map.of("name", "Renamed before restart")));
            api.delete("/v1/organizations/" + deleted, owner);
            tokensBefore = tokens(first);
        }

        try (ConfigurableApplicationContext second = start()) {
            ApiClient api = client(second);

            List<Map<String, Object>> tokensAfterStart = tokens(second);
            var organization = api.get("/v1/organizations/" + kept, editor).json();
            var members = api.get("/v1/organizations/" + kept + "/members", owner).json();
            var gone = api.get("/v1/organizations/" + deleted, owner);
            api.json("PATCH", "/v1/organizations/" + kept, owner,
                    Map.of("organization", Map.of("name", "Renamed after restart")));

            assertThat(tokensAfterStart).isEqualTo(tokensBefore);
            assertThat(organization.get("name").asText()).isEqualTo("Renamed before restart");
            assertThat(organization.get("user_role").asText()).isEqualTo("editor");
            assertThat(organization.get("total_members").asInt()).isEqualTo(2);
            assertThat(members).hasSize(2);
            assertThat(gone.errorCode()).isEqualTo("organization_not_found");
            assertThat(api.get("/v1/organizations/" + kept, owner).json().get("name").asText())
                    .isEqualTo("Renamed after restart");
            assertThat(api.get("/v1/organizations", owner).json()).hasSize(1);
        }
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(OrganizationsApplication.class, TestDatabaseLease.class)
                .run("--server.port=0",
                        "--orgs.database.url=" + TestDatabase.url(DATABASE),
                        "--orgs.database.user=" + TestDatabase.user(),
                        "--orgs.admin-token=" + ApiClient.ADMIN_TOKEN);
    }

    private static ApiClient client(ConfigurableApplicationContext context) {
        return new ApiClient(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    private static List<Map<String, Object>> tokens(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList("""
                SELECT processor_name, segment, convert_from(token, 'UTF8') AS token
                FROM token_entry ORDER BY processor_name, segment
                """);
    }
}
