package pro.gen.organizations.app.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An answer other than success that the HTTP layer decides itself, before or after a
 * command or query: a missing key, a body that cannot be read, a field that breaks a rule.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String errorCode;
    private final List<ApiError.FieldProblem> details;

    public ApiException(HttpStatus status, String errorCode, String message) {
        this(status, errorCode, message, null);
    }

    private ApiException(HttpStatus status, String errorCode, String message,
                         List<ApiError.FieldProblem> details) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.details = details;
    }

    public static ApiException invalidField(String field, String problem) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "validation_error",
                field + " " + problem + ".", List.of(new ApiError.FieldProblem(field, problem)));
    }

    public static ApiException validation(String message) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "validation_error", message);
    }

    public static ApiException organizationNotFound(long id) {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "organization_not_found",
                "Organization " + id + " does not exist.");
    }

    /** For an id that is not a positive number; it is not echoed back. */
    public static ApiException organizationNotFound() {
        return new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "organization_not_found",
                "Organization does not exist.");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "invalid_request", message);
    }

    public static ApiException notFound() {
        return notFound("No such path.");
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(getMessage(), errorCode, details);
    }
}
