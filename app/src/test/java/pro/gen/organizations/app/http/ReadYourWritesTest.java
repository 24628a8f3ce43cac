package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/** Once a write has answered, the very next read shows it, with no waiting in between. */
class ReadYourWritesTest extends ServiceTest {

    private static final int ROUNDS = 20;

    @Test
    void aCreatedOrganizationIsReadableAtOnce() {
        TestUser owner = api.newUser();
        List<Long> created = new ArrayList<>();

        for (int round = 0; round < ROUNDS; round++) {
            long id = api.newOrganization(owner, "Fresh " + round);
            created.add(id);

            Answer single = api.get("/v1/organizations/" + id, owner);
            assertThat(single.status()).as("GET right after create %s", round).isEqualTo(200);
            assertThat(single.json().get("name").asText()).isEqualTo("Fresh " + round);
            JsonNode list = api.get("/v1/organizations", owner).json();
            assertThat(list).as("list right after create %s", round).hasSize(round + 1);
            assertThat(list.get(round).get("id").asLong()).isEqualTo(id);
        }

        assertThat(created).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void aRenameIsReadableAtOnce() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Name 0");

        for (int round = 1; round <= 10; round++) {
            Answer renamed = api.json("PATCH", "/v1/organizations/" + id, owner,
                    Map.of("organization", Map.of("name", "Name " + round)));
            assertThat(renamed.status()).isEqualTo(200);

            assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                    .as("GET right after rename %s", round).isEqualTo("Name " + round);
        }
    }

    @Test
    void aDeleteIsReadableAtOnce() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Short Lived");

        Answer deleted = api.delete("/v1/organizations/" + id, owner);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(api.get("/v1/organizations/" + id, owner).status()).isEqualTo(422);
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }
}
