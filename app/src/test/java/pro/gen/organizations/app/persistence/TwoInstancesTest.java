package pro.gen.organizations.app.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import pro.gen.organizations.app.OrganizationsApplication;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.TestDatabase;
import pro.gen.organizations.app.support.TestDatabaseLease;

/**
 * Two instances on one database: only one of them runs the projections, and a write taken
 * by the other is still visible to any read once it has been answered.
 */
class TwoInstancesTest {

    private static final String DATABASE = "orgs_two_instances";

    @Test
    void aWriteAnsweredByOneInstanceIsReadByBoth() {
        try (ConfigurableApplicationContext first = start();
             ConfigurableApplicationContext second = start()) {
            ApiClient one = client(first);
            ApiClient two = client(second);
            TestUser owner = one.newUser();

            for (int i = 0; i < 10; i++) {
                ApiClient writer = i % 2 == 0 ? one : two;
                ApiClient reader = i % 2 == 0 ? two : one;
                long id = writer.newOrganization(owner, "Shared " + i);
                Answer renamed = writer.json("PATCH", "/v1/organizations/" + id, owner,
                        Map.of("organization", Map.of("name", "Shared renamed " + i)));

                Answer read = reader.get("/v1/organizations/" + id, owner);

                assertThat(renamed.status()).isEqualTo(200);
                assertThat(read.status()).isEqualTo(200);
                assertThat(read.json().get("name").asText()).isEqualTo("Shared renamed " + i);
                assertThat(waitedMillis(renamed)).isLessThan(2000);
            }
        }
    }

    private static double waitedMillis(Answer answer) {
        String timing = answer.header("Server-Timing");
        return Double.parseDouble(timing.substring(timing.indexOf("dur=") + 4));
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
}
