package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertInvalidField;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/** A refused avatar file leaves everything as it was, on create and on rename. */
class AvatarPartTest extends ServiceTest {

    private static final String AVATAR = "organization[avatar]";
    private static final byte[] NOT_AN_IMAGE =
            "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void createWithARefusedAvatarCreatesNothing() {
        TestUser owner = api.newUser();
        String name = "With Avatar " + UUID.randomUUID();

        Answer created = api.multipart("POST", "/v1/organizations", owner,
                Map.of("organization[name]", name), AVATAR, NOT_AN_IMAGE);

        assertInvalidField(created, AVATAR);
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
        assertThat(eventsMentioning(name)).isZero();
    }

    @Test
    void renameWithARefusedAvatarChangesNothing() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Avatarless");
        JsonNode before = api.get("/v1/organizations/" + id, owner).json();

        Answer renamed = api.multipart("PATCH", "/v1/organizations/" + id, owner,
                Map.of("organization[name]", "Renamed With Avatar"), AVATAR, NOT_AN_IMAGE);

        assertInvalidField(renamed, AVATAR);
        assertThat(api.get("/v1/organizations/" + id, owner).json()).isEqualTo(before);
    }

    @Test
    void anEmptyAvatarFileIsRefused() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Empty File");

        Answer renamed = api.multipart("PATCH", "/v1/organizations/" + id, owner,
                Map.of(), AVATAR, new byte[0]);

        assertInvalidField(renamed, AVATAR);
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("avatar").get("url")
                .isNull()).isTrue();
    }

    private long eventsMentioning(String text) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry"
                + " WHERE position(convert_to(?, 'UTF8') in payload) > 0", Long.class, text);
    }
}
