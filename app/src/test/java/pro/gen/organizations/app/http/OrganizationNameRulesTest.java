package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertInvalidField;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.BodyForm;
import pro.gen.organizations.app.support.ServiceTest;

class OrganizationNameRulesTest extends ServiceTest {

    private static final String NAME_FIELD = "organization[name]";
    private static final String ROCKET = "\uD83D\uDE80";
    private static final String UNICODE_NAME = "Ærøskøbing Cykler 株式会社 " + ROCKET;

    @ParameterizedTest
    @EnumSource(BodyForm.class)
    void aNameIsStoredTrimmed(BodyForm form) {
        TestUser owner = api.newUser();

        Answer created = form.send(api, "POST", "/v1/organizations", owner,
                " \t Trimmed Works \n ");

        assertThat(created.status()).isEqualTo(201);
        assertThat(nameOf(created.json().get("organization_id").asLong(), owner))
                .isEqualTo("Trimmed Works");
    }

    @Test
    void noBreakSpacesAreTrimmedLikeAnyOtherSpace() {
        TestUser owner = api.newUser();

        Answer created = create(owner, "\u00A0 Acme\u202F\u2007");

        assertThat(created.status()).isEqualTo(201);
        assertThat(nameOf(created.json().get("organization_id").asLong(), owner))
                .isEqualTo("Acme");
    }

    @Test
    void aRenameIsStoredTrimmed() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Before");

        Answer renamed = rename(owner, id, "   After   ");

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(nameOf(id, owner)).isEqualTo("After");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "     ", "\t\n\r ", "\u3000\u2003", "\u00A0", "\u202F "})
    void aBlankNameIsRefusedAndNothingIsCreated(String blank) {
        TestUser owner = api.newUser();
        api.newOrganization(owner, "Existing");

        Answer created = create(owner, blank);

        assertInvalidField(created, NAME_FIELD);
        assertThat(api.get("/v1/organizations", owner).json()).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(BodyForm.class)
    void aMissingNameIsRefusedOnCreate(BodyForm form) {
        TestUser owner = api.newUser();

        Answer created = form.send(api, "POST", "/v1/organizations", owner, null);

        assertInvalidField(created, NAME_FIELD);
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void aNullNameIsRefusedOnCreate() {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, "application/json",
                "{\"organization\":{\"name\":null}}".getBytes(StandardCharsets.UTF_8));

        assertInvalidField(created, NAME_FIELD);
    }

    @ParameterizedTest
    @EnumSource(BodyForm.class)
    void aBlankRenameIsRefusedAndTheNameStays(BodyForm form) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Keeps Its Name");

        Answer renamed = form.send(api, "PATCH", "/v1/organizations/" + id, owner, "   ");

        assertInvalidField(renamed, NAME_FIELD);
        assertThat(nameOf(id, owner)).isEqualTo("Keeps Its Name");
    }

    @Test
    void aNameOf255CodePointsIsAccepted() {
        TestUser owner = api.newUser();
        String longest = ROCKET.repeat(255);

        Answer created = create(owner, " " + longest + " ");

        assertThat(created.status()).isEqualTo(201);
        assertThat(nameOf(created.json().get("organization_id").asLong(), owner))
                .isEqualTo(longest);
    }

    @Test
    void aNameOf256CodePointsIsRefused() {
        TestUser owner = api.newUser();

        Answer created = create(owner, ROCKET.repeat(256));

        assertInvalidField(created, NAME_FIELD);
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void aRenameTo256CodePointsIsRefusedAndTheNameStays() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Short");

        Answer renamed = rename(owner, id, "a".repeat(128) + ROCKET.repeat(128));

        assertInvalidField(renamed, NAME_FIELD);
        assertThat(nameOf(id, owner)).isEqualTo("Short");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ac\u0000me", "Ac\nme", "Ac\tme", "Acme\u0007Corp", "Ac\u007Fme",
        "Ac\u0085me", "Ac\u2028me", "Ac\u001Bme"})
    void aNameWithAControlCharacterIsRefused(String name) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Clean");

        Answer created = create(owner, name);
        Answer renamed = rename(owner, id, name);

        assertInvalidField(created, NAME_FIELD);
        assertInvalidField(renamed, NAME_FIELD);
        assertThat(api.get("/v1/organizations", owner).json()).hasSize(1);
        assertThat(nameOf(id, owner)).isEqualTo("Clean");
    }

    @ParameterizedTest
    @EnumSource(BodyForm.class)
    void aUnicodeNameRoundTripsByteForByte(BodyForm form) {
        TestUser owner = api.newUser();

        Answer created = form.send(api, "POST", "/v1/organizations", owner, UNICODE_NAME);

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("organization_id").asLong();
        assertThat(nameOf(id, owner).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(UNICODE_NAME.getBytes(StandardCharsets.UTF_8));
        assertThat(api.get("/v1/organizations", owner).json().get(0).get("name").textValue()
                .getBytes(StandardCharsets.UTF_8))
                .isEqualTo(UNICODE_NAME.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(BodyForm.class)
    void aUnicodeRenameRoundTripsByteForByte(BodyForm form) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Plain");

        Answer renamed = form.send(api, "PATCH", "/v1/organizations/" + id, owner,
                UNICODE_NAME);

        assertThat(renamed.status()).isEqualTo(200);
        assertThat(nameOf(id, owner).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(UNICODE_NAME.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void nameCharactersThatLookLikeMarkupOrQuotesAreKeptAsGiven() {
        TestUser owner = api.newUser();
        String name = "<b>\"Quotes\" & 'Apostrophes'</b> \\ 100%";

        Answer created = create(owner, name);

        assertThat(created.status()).isEqualTo(201);
        assertThat(nameOf(created.json().get("organization_id").asLong(), owner))
                .isEqualTo(name);
    }

    private Answer create(TestUser owner, String name) {
        return api.json("POST", "/v1/organizations", owner,
                Map.of("organization", Map.of("name", name)));
    }

    private Answer rename(TestUser owner, long id, String name) {
        return api.json("PATCH", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of("name", name)));
    }

    private String nameOf(long id, TestUser owner) {
        Answer fetched = api.get("/v1/organizations/" + id, owner);
        assertThat(fetched.status()).isEqualTo(200);
        return fetched.json().get("name").asText();
    }
}
