package pro.gen.organizations.app.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import pro.gen.organizations.app.support.ApiClient.Answer;

/** Checks that an answer is one of the contract's errors, and that it reveals nothing. */
public final class ErrorBodies {

    private ErrorBodies() {
    }

    /**
     * Asserts the status, a JSON body of {@code error} and {@code error_code} (and, for some,
     * {@code details}) and no trace of the implementation in the body.
     *
     * @return the parsed body
     */
    public static JsonNode assertError(Answer answer, int status, String errorCode) {
        assertThat(answer.status()).as("status of %s", answer.text()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).startsWith("application/json");
        assertThat(answer.text())
                .doesNotContain("Exception", "org.", "java.", "springframework", "\tat ");

        JsonNode body = answer.json();
        assertThat(body.isObject()).isTrue();
        assertThat(body.path("error_code").asText()).isEqualTo(errorCode);
        assertThat(body.path("error").isTextual()).isTrue();
        assertThat(body.path("error").asText()).isNotBlank();
        List<String> fields = new ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).contains("error", "error_code")
                .isSubsetOf("error", "error_code", "details");
        return body;
    }

    /** Asserts a 422 validation error that names the given field in its details. */
    public static JsonNode assertInvalidField(Answer answer, String field) {
        JsonNode body = assertError(answer, 422, "validation_error");
        assertThat(body.path("details").isArray()).isTrue();
        assertThat(body.path("details")).anySatisfy(detail -> {
            assertThat(detail.path("field").asText()).isEqualTo(field);
            assertThat(detail.path("message").asText()).isNotBlank();
        });
        return body;
    }
}
