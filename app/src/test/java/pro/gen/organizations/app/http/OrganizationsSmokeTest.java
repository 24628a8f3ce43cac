package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class OrganizationsSmokeTest extends ServiceTest {

    @Test
    void aCreatedOrganizationIsListedForItsOwner() {
        TestUser owner = api.newUser();

        long id = api.newOrganization(owner, "Smoke Works");

        Answer list = api.get("/v1/organizations", owner);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(list.json().get(0).get("user_role").asText()).isEqualTo("owner");
    }
}
