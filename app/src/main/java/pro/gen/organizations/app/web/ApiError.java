package pro.gen.organizations.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of every error answer: a sentence for people, a code for programs and, for
 * validation errors, which fields were wrong.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        String error,
        @JsonProperty("error_code") String errorCode,
        List<FieldProblem> details) {

    /** One field that broke a rule. */
    public record FieldProblem(String field, String message) {
    }

    public static ApiError of(String error, String errorCode) {
        return new ApiError(error, errorCode, null);
    }
}
