package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertError;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

/**
 * Inputs that a lenient server would take and store damaged, or answer outside the
 * contract: text that is not UTF-8, vague content types, broken multipart, repeated keys and
 * browsers' cross-origin checks.
 */
class HardenedInputTest extends ServiceTest {

    @Test
    void aFormThatDeclaresAnotherCharsetIsRefusedAndNothingIsCreated() {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner,
                "application/x-www-form-urlencoded; charset=iso-8859-1",
                "organization[name]=Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));

        assertError(created, 415, "unsupported_media_type");
        assertThat(api.get("/v1/organizations", owner).json()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "PATCH"})
    void aFormWithPercentEncodedBytesThatAreNotUtf8IsRefused(String method) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Untouched");
        String path = method.equals("POST") ? "/v1/organizations" : "/v1/organizations/" + id;

        Answer answer = api.raw(method, path, owner, "application/x-www-form-urlencoded",
                "organization[name]=Caf%E9".getBytes(StandardCharsets.US_ASCII));

        assertError(answer, 400, "invalid_request");
        assertThat(api.get("/v1/organizations", owner).json()).hasSize(1);
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Untouched");
    }

    @Test
    void jsonWithAnOverlongUtf8SequenceIsRefused() {
        TestUser owner = api.newUser();
        byte[] body = {'{', '"', 'o', 'r', 'g', 'a', 'n', 'i', 'z', 'a', 't', 'i', 'o', 'n', '"',
            ':', '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}',
            '}'};

        Answer created = api.raw("POST", "/v1/organizations", owner, "application/json", body);

        assertError(created, 400, "invalid_request");
        assertThat(api.get("/v1/organizations", owner).json()).isEmpty();
    }

    @Test
    void jsonInUtf16IsRefusedEvenWithoutACharset() {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, "application/json",
                "{\"organization\":{\"name\":\"Wide\"}}".getBytes(StandardCharsets.UTF_16LE));

        assertError(created, 400, "invalid_request");
        assertThat(api.get("/v1/organizations", owner).json()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*"})
    void aWildcardContentTypeIsNotTakenForJson(String contentType) {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, contentType,
                "{\"organization\":{\"name\":\"Vague\"}}".getBytes(StandardCharsets.UTF_8));

        assertError(created, 415, "unsupported_media_type");
    }

    @Test
    void aMultipartBodyWithoutItsBoundaryIsUnreadable() {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner,
                "multipart/form-data; boundary=XYZ",
                "{\"organization\":{\"name\":\"x\"}}".getBytes(StandardCharsets.UTF_8));

        assertError(created, 400, "invalid_request");
        assertThat(api.get("/v1/organizations", owner).json()).isEmpty();
    }

    @Test
    void twoApiKeysInOneRequestAreRefusedEvenIfOneIsRight() {
        TestUser owner = api.newUser();

        Answer answer = api.call("GET", "/v1/organizations", owner,
                "X-API-Key", "gen_pat_not-a-real-key");

        assertError(answer, 401, "unauthorized");
    }

    @Test
    void aCrossOriginPreflightIsRefusedInJson() {
        Answer preflight = api.call("OPTIONS", "/v1/organizations", null,
                "Origin", "http://elsewhere.example",
                "Access-Control-Request-Method", "POST");

        assertError(preflight, 403, "forbidden");
    }

    @Test
    void aRefusalToAnEditorIsWordedForAnEditor() {
        TestUser owner = api.newUser();
        TestUser editor = api.newUser();
        long id = api.newOrganization(owner, "Grammar");
        api.json("POST", "/v1/organizations/" + id + "/members", owner,
                Map.of("member", Map.of("user_id", editor.id(), "role", "editor")));

        Answer answer = api.json("PATCH", "/v1/organizations/" + id, editor, Map.of());

        assertError(answer, 403, "forbidden");
        assertThat(answer.json().get("error").asText()).startsWith("An editor may not");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u212Aelvin@example.com", "own@example.com.", "a@b", "a@-b.com"})
    void anEmailOutsideAsciiOrWithABrokenDomainIsRefused(String email) {
        Answer answer = api.raw("POST", "/v1/admin/users", null, "application/json",
                ("{\"user\":{\"email\":\"" + email + "\",\"name\":\"N\"}}")
                        .getBytes(StandardCharsets.UTF_8), "X-Admin-Token",
                ApiClient.ADMIN_TOKEN);

        assertError(answer, 422, "validation_error");
    }

    @Test
    void aNameOfOnlyZeroWidthCharactersIsBlank() {
        TestUser owner = api.newUser();

        Answer created = api.json("POST", "/v1/organizations", owner,
                Map.of("organization", Map.of("name", "\u200B\u2060\uFEFF")));

        assertError(created, 422, "validation_error");
        assertThat(api.get("/v1/organizations", owner).json()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1]", "\"Renamed\"", "7"})
    void anOrganizationGroupThatIsNotAnObjectIsRefused(String group) {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Shape");

        Answer answer = api.raw("PATCH", "/v1/organizations/" + id, owner, "application/json",
                ("{\"organization\":" + group + "}").getBytes(StandardCharsets.UTF_8));

        assertError(answer, 422, "validation_error");
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Shape");
    }
}
