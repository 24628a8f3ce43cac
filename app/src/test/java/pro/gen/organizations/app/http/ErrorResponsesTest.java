package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;
import static pro.gen.organizations.app.support.ErrorBodies.assertError;
import static pro.gen.organizations.app.support.ErrorBodies.assertInvalidField;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;
import pro.gen.organizations.app.support.ServiceTest;

class ErrorResponsesTest extends ServiceTest {

    private static final String JSON = "application/json";
    private static final int ONE_MIB = 1024 * 1024;

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"organization\":{\"name\":\"Acme\"",
        "{\"organization\":{\"name\":\"Acme\",}}",
        "{\"organization\":{\"name\":\"Acme\"},}",
        "{\"organization\":{\"name\":\"A\",\"name\":\"B\"}}",
        "{\"organization\":{\"name\":\"Acme\"}} trailing",
        "{'organization':{'name':'Acme'}}",
        "not json at all",
        "{\"organization\":{\"name\":\"Acme\u0000\"}}"})
    void aBodyThatIsNotJsonIsABadRequestAndCreatesNothing(String body) {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, JSON, bytes(body));

        assertError(created, 400, "invalid_request");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void veryDeeplyNestedJsonIsRefusedWithoutAFault() {
        TestUser owner = api.newUser();
        String nested = "[".repeat(5000) + "]".repeat(5000);

        Answer created = api.raw("POST", "/v1/organizations", owner, JSON,
                bytes("{\"organization\":{\"name\":" + nested + "}}"));

        assertThat(created.status()).isIn(400, 422);
        assertError(created, created.status(),
                created.status() == 400 ? "invalid_request" : "validation_error");
    }

    @Test
    void aBrokenUrlEncodedBodyIsABadRequest() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Percent");
        byte[] body = bytes("organization%5Bname%5D=Bad%ZZName");

        Answer created = api.raw("POST", "/v1/organizations", owner,
                "application/x-www-form-urlencoded", body);
        Answer renamed = api.raw("PATCH", "/v1/organizations/" + id, owner,
                "application/x-www-form-urlencoded", body);

        assertError(created, 400, "invalid_request");
        assertError(renamed, 400, "invalid_request");
        assertThat(api.get("/v1/organizations", owner).json()).hasSize(1);
    }

    @Test
    void aRenameWithBrokenJsonIsABadRequestAndChangesNothing() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Intact");

        Answer renamed = api.raw("PATCH", "/v1/organizations/" + id, owner, JSON,
                bytes("{\"organization\":{\"name\":\"Broken\""));

        assertError(renamed, 400, "invalid_request");
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Intact");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"organization\":{\"name\":\"Acme\"}}]", "\"Acme\"", "42",
        "null"})
    void jsonThatIsNotAnObjectIsAValidationError(String body) {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, JSON, bytes(body));

        assertError(created, 422, "validation_error");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"organization\":{\"name\":[\"A\",\"B\"]}}",
        "{\"organization\":{\"name\":42}}",
        "{\"organization\":{\"name\":true}}",
        "{\"organization\":{\"name\":{\"first\":\"A\"}}}",
        "{\"name\":\"Acme\"}"})
    void aNameOfTheWrongShapeIsAValidationError(String body) {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, JSON, bytes(body));

        assertInvalidField(created, "organization[name]");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void aRenameWithANameOfTheWrongShapeIsAValidationError() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Stays");

        Answer renamed = api.raw("PATCH", "/v1/organizations/" + id, owner, JSON,
                bytes("{\"organization\":{\"name\":[\"A\",\"B\"]}}"));

        assertInvalidField(renamed, "organization[name]");
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Stays");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n"})
    void anEmptyJsonBodyIsABadRequest(String body) {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, JSON, bytes(body));

        assertError(created, 400, "invalid_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/plain; charset=utf-8", "application/xml",
        "application/octet-stream", "image/png"})
    void aBodyInAnotherContentTypeIsUnsupported(String contentType) {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, contentType,
                bytes("{\"organization\":{\"name\":\"Acme\"}}"));

        assertError(created, 415, "unsupported_media_type");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void jsonInUtf16IsUnsupported() {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner,
                "application/json; charset=UTF-16",
                "{\"organization\":{\"name\":\"Acme\"}}".getBytes(StandardCharsets.UTF_16));

        assertError(created, 415, "unsupported_media_type");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void jsonWithAnExplicitUtf8CharsetIsAccepted() {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner,
                "application/json; charset=utf-8", bytes("{\"organization\":{\"name\":\"Ok\"}}"));

        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void aRenameInAnotherContentTypeIsUnsupportedAndChangesNothing() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Typed");

        Answer renamed = api.raw("PATCH", "/v1/organizations/" + id, owner, "text/plain",
                bytes("organization[name]=Other"));

        assertError(renamed, 415, "unsupported_media_type");
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Typed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/nope", "/nope", "/", "/v1", "/v2/organizations",
        "/v1/organizations/1/nope", "/error", "/actuator/health"})
    void anUnknownPathIsNotFound(String path) {
        TestUser user = api.newUser();

        Answer answer = api.get(path, user);

        assertError(answer, 404, "not_found");
    }

    @Test
    void errorsAskedForAsHtmlStillComeAsJson() {
        TestUser user = api.newUser();

        Answer unknownPath = api.call("GET", "/v1/nope", user, "Accept", "text/html");
        Answer unknownId = api.call("GET", "/v1/organizations/999999999999", user,
                "Accept", "text/html");
        Answer noKey = api.call("GET", "/v1/organizations", null, "Accept", "text/html");
        Answer wrongMethod = api.call("PUT", "/v1/organizations", user, "Accept", "text/html");

        assertError(unknownPath, 404, "not_found");
        assertError(unknownId, 422, "organization_not_found");
        assertError(noKey, 401, "unauthorized");
        assertError(wrongMethod, 405, "method_not_allowed");
    }

    @Test
    void aTrailingSlashIsNotFound() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Slashed");

        Answer list = api.get("/v1/organizations/", owner);
        Answer single = api.get("/v1/organizations/" + id + "/", owner);

        assertError(list, 404, "not_found");
        assertError(single, 404, "not_found");
    }

    @Test
    void aWrongMethodOnTheCollectionIsNotAllowed() {
        TestUser owner = api.newUser();

        Answer answer = api.json("PUT", "/v1/organizations", owner,
                Map.of("organization", Map.of("name", "Put")));

        assertError(answer, 405, "method_not_allowed");
        assertThat(allowed(answer)).contains("GET", "POST").doesNotContain("PUT", "DELETE");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void aWrongMethodOnAnOrganizationIsNotAllowed() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Posted To");

        Answer posted = api.json("POST", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of("name", "Post")));
        Answer put = api.json("PUT", "/v1/organizations/" + id, owner,
                Map.of("organization", Map.of("name", "Put")));

        assertError(posted, 405, "method_not_allowed");
        assertThat(allowed(posted)).contains("GET", "PATCH", "DELETE").doesNotContain("POST");
        assertError(put, 405, "method_not_allowed");
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Posted To");
    }

    @Test
    void optionsListsTheAllowedMethods() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Options");

        Answer collection = api.call("OPTIONS", "/v1/organizations", owner);
        Answer single = api.call("OPTIONS", "/v1/organizations/" + id, owner);

        assertThat(collection.status()).isEqualTo(200);
        assertThat(allowed(collection)).contains("GET", "POST").doesNotContain("PATCH",
                "DELETE", "PUT");
        assertThat(single.status()).isEqualTo(200);
        assertThat(allowed(single)).contains("GET", "PATCH", "DELETE")
                .doesNotContain("POST", "PUT");
    }

    @Test
    void headOnAnExistingOrganizationAnswersLikeGetWithoutABody() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Headed");

        Answer head = api.call("HEAD", "/v1/organizations/" + id, owner);

        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("Content-Type")).startsWith("application/json");
        assertThat(head.raw().body()).isEmpty();
    }

    @Test
    void headOnAMissingOrganizationAnswersLikeGet() {
        TestUser owner = api.newUser();

        Answer head = api.call("HEAD", "/v1/organizations/999999999999", owner);

        assertThat(head.status()).isEqualTo(422);
        assertThat(head.raw().body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "0", "-1", "99999999999999999999", "1.5", "1e3", "%20",
        "0x10", "+1", "%EF%BC%91"})
    void anIdThatIsNotAPositiveNumberIsNotFound(String rawId) {
        TestUser owner = api.newUser();
        String path = "/v1/organizations/" + rawId;

        Answer fetched = api.get(path, owner);
        Answer renamed = api.json("PATCH", path, owner,
                Map.of("organization", Map.of("name", "Whatever")));
        Answer deleted = api.delete(path, owner);

        assertError(fetched, 422, "organization_not_found");
        assertError(renamed, 422, "organization_not_found");
        assertError(deleted, 422, "organization_not_found");
    }

    @Test
    void anIdWithLeadingZerosNamesTheSameOrganization() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Zero Padded");

        Answer fetched = api.get("/v1/organizations/000" + id, owner);

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().get("id").asLong()).isEqualTo(id);
    }

    @Test
    void anEncodedSlashInTheIdIsAnsweredInJson() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Encoded");

        Answer fetched = api.get("/v1/organizations/" + id + "%2F2", owner);

        assertThat(fetched.status()).isIn(404, 422);
        if (fetched.status() == 422) {
            assertError(fetched, 422, "organization_not_found");
        } else {
            assertError(fetched, 404, "not_found");
        }
    }

    @Test
    void aJsonBodyOverOneMebibyteIsTooLarge() {
        TestUser owner = api.newUser();
        String name = "x".repeat(ONE_MIB);

        Answer created = api.raw("POST", "/v1/organizations", owner, JSON,
                bytes("{\"organization\":{\"name\":\"" + name + "\"}}"));

        assertError(created, 413, "payload_too_large");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void aJsonRenameOverOneMebibyteIsTooLarge() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Small");

        Answer renamed = api.raw("PATCH", "/v1/organizations/" + id, owner, JSON,
                bytes("{\"organization\":{\"name\":\"" + "y".repeat(ONE_MIB) + "\"}}"));

        assertError(renamed, 413, "payload_too_large");
        assertThat(api.get("/v1/organizations/" + id, owner).json().get("name").asText())
                .isEqualTo("Small");
    }

    @Test
    void aUrlEncodedBodyOverOneMebibyteIsTooLarge() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Form Sized");
        String field = "organization[name]=" + "z".repeat(ONE_MIB + 16);

        Answer created = api.raw("POST", "/v1/organizations", owner,
                "application/x-www-form-urlencoded", bytes(field));
        Answer renamed = api.raw("PATCH", "/v1/organizations/" + id, owner,
                "application/x-www-form-urlencoded", bytes(field));

        assertError(created, 413, "payload_too_large");
        assertError(renamed, 413, "payload_too_large");
        assertThat(api.get("/v1/organizations", owner).json()).hasSize(1);
    }

    @Test
    void aChunkedUrlEncodedBodyOverOneMebibyteIsTooLarge() {
        TestUser owner = api.newUser();
        long id = api.newOrganization(owner, "Chunked");
        byte[] field = bytes("organization[name]=" + "z".repeat(ONE_MIB + 16));

        Answer created = api.send(api.request("/v1/organizations", owner)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(field))));
        Answer renamed = api.send(api.request("/v1/organizations/" + id, owner)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method("PATCH", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(field))));

        assertError(created, 413, "payload_too_large");
        assertError(renamed, 413, "payload_too_large");
        assertThat(api.get("/v1/organizations", owner).json()).hasSize(1);
    }

    @Test
    void aMultipartBodyOverTheLimitIsTooLargeAndTheClientReceivesTheAnswer() {
        TestUser owner = api.newUser();
        byte[] eightMegabytes = new byte[8 * 1000 * 1000];
        Arrays.fill(eightMegabytes, (byte) 'a');

        Answer created = api.multipart("POST", "/v1/organizations", owner,
                Map.of("organization[name]", "Huge"), "organization[avatar]", eightMegabytes);

        assertError(created, 413, "payload_too_large");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void aMultipartNameFieldOverOneMebibyteIsRefusedWithoutAFault() {
        TestUser owner = api.newUser();

        Answer created = api.multipart("POST", "/v1/organizations", owner,
                Map.of("organization[name]", "n".repeat(ONE_MIB + 16)), null, null);

        assertThat(created.status()).isIn(413, 422);
        assertError(created, created.status(),
                created.status() == 413 ? "payload_too_large" : "validation_error");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void aBrokenMultipartBodyIsABadRequest() {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner,
                "multipart/form-data; boundary=xyz",
                bytes("--xyz\r\nContent-Disposition: form-data; name=\"organization[name]\""
                        + "\r\n\r\nNever ends"));

        assertError(created, 400, "invalid_request");
        assertThat(api.get("/v1/organizations", owner).text()).isEqualTo("[]");
    }

    @Test
    void aBodyWithoutAContentTypeIsUnsupported() {
        TestUser owner = api.newUser();

        Answer created = api.raw("POST", "/v1/organizations", owner, null,
                bytes("{\"organization\":{\"name\":\"Untyped\"}}"));

        assertError(created, 415, "unsupported_media_type");
    }

    private static List<String> allowed(Answer answer) {
        String allow = answer.header("Allow");
        assertThat(allow).as("Allow header").isNotBlank();
        return Arrays.stream(allow.split(",")).map(String::strip).toList();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
