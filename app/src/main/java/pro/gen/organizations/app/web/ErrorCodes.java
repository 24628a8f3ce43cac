package pro.gen.organizations.app.web;

/** The contract's error code and a generic sentence for each HTTP error status. */
public final class ErrorCodes {

    /** An error code with a sentence that reveals nothing of the request. */
    public record Code(String code, String message) {
    }

    private ErrorCodes() {
    }

    public static Code forStatus(int status) {
        return switch (status) {
            case 400 -> new Code("invalid_request", "The request could not be understood.");
            case 401 -> new Code("unauthorized", "Missing or invalid API key.");
            case 403 -> new Code("forbidden", "Your role does not allow this.");
            case 404 -> new Code("not_found", "No such path.");
            case 405 -> new Code("method_not_allowed", "This path does not take this method.");
            case 406 -> new Code("not_acceptable",
                    "The answer is not available in the media type asked for.");
            case 409 -> new Code("conflict", "The request lost a race with another; try again.");
            case 412 -> new Code("precondition_failed", "The version named is not current.");
            case 413 -> new Code("payload_too_large", "The request body is too large.");
            case 414, 431 -> new Code("invalid_request", "Request line or headers too big.");
            case 415 -> new Code("unsupported_media_type", "This content type is not accepted.");
            case 422 -> new Code("validation_error", "The request breaks a rule.");
            case 501 -> new Code("method_not_allowed", "This method is not supported.");
            case 505 -> new Code("invalid_request", "This HTTP version is not supported.");
            case 503 -> new Code("service_unavailable", "The service is not available; retry.");
            default -> status >= 500
                    ? new Code("internal_error", "Something went wrong on our side.")
                    : new Code("invalid_request", "The request could not be handled.");
        };
    }
}
