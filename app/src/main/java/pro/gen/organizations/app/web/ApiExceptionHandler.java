package pro.gen.organizations.app.web;

import org.axonframework.common.ExceptionUtils;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.CommandRefused;
import pro.gen.organizations.api.refusal.InvalidAvatar;
import pro.gen.organizations.api.refusal.InvalidOrganizationName;
import pro.gen.organizations.api.refusal.NotAMember;
import pro.gen.organizations.api.refusal.OrganizationNotFound;

/**
 * Turns every failure into the contract's error body: refusals of the organization, errors
 * of the HTTP layer, Spring MVC's own (unknown path, wrong method, unreadable body...), and
 * lastly anything unexpected, which is logged and answered with a body that reveals nothing.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> handle(ApiException e) {
        return answer(e.status(), e.body());
    }

    @ExceptionHandler(CommandRefused.class)
    ResponseEntity<ApiError> handle(CommandRefused refusal) {
        if (refusal instanceof NotAMember || refusal instanceof OrganizationNotFound) {
            return answer(HttpStatus.UNPROCESSABLE_ENTITY,
                    ApiError.of(refusal.getMessage(), "organization_not_found"));
        }
        if (refusal instanceof ActionNotAllowed) {
            return answer(HttpStatus.FORBIDDEN, ApiError.of(refusal.getMessage(), "forbidden"));
        }
        if (refusal instanceof InvalidOrganizationName invalid) {
            return handle(ApiException.invalidField("organization[name]", invalid.reason()));
        }
        if (refusal instanceof InvalidAvatar invalid) {
            return handle(ApiException.invalidField("organization[avatar]", invalid.reason()));
        }
        return answer(HttpStatus.UNPROCESSABLE_ENTITY,
                ApiError.of(refusal.getMessage(), "validation_error"));
    }

    /** A deleted organization: Axon refuses to load it from its events. */
    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ApiError> handle(AggregateNotFoundException e) {
        long id = parseId(String.valueOf(e.getAggregateIdentifier()));
        return handle(ApiException.organizationNotFound(id));
    }

    /** Lost every retry against concurrent writers of the same organization. */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ApiError> handle(ConcurrencyException e) {
        log.info("Write lost a race with a concurrent writer: {}", e.getMessage());
        return answer(HttpStatus.CONFLICT, ApiError.of(
                "The organization was changed by another request at the same time; try again.",
                "conflict"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ApiError> handle(MultipartException e) {
        if (ExceptionUtils.findException(e, MaxUploadSizeExceededException.class).isPresent()
                || String.valueOf(e.getMessage()).contains("SizeLimitExceeded")) {
            return answer(HttpStatus.PAYLOAD_TOO_LARGE, ApiError.of(
                    "The request body is larger than the service accepts.", "payload_too_large"));
        }
        return handle(ApiException.badRequest("The multipart body could not be read."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> handleUnexpected(Exception e) {
        ApiException apiException = ExceptionUtils.findException(e, ApiException.class)
                .orElse(null);
        if (apiException != null) {
            return handle(apiException);
        }
        CommandRefused refusal = ExceptionUtils.findException(e, CommandRefused.class)
                .orElse(null);
        if (refusal != null) {
            return handle(refusal);
        }
        log.error("Request failed unexpectedly", e);
        ErrorCodes.Code code = ErrorCodes.forStatus(500);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, ApiError.of(code.message(), code.code()));
    }

    /**
     * Spring MVC's own errors keep their status, and get the contract's body. The message
     * is the generic one for the status: Spring's own can name internal types.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ErrorCodes.Code code = ErrorCodes.forStatus(status.value());
        HttpHeaders answerHeaders = new HttpHeaders();
        answerHeaders.addAll(headers);
        answerHeaders.setContentType(MediaType.APPLICATION_JSON);
        return new ResponseEntity<>(ApiError.of(code.message(), code.code()), answerHeaders,
                status);
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static long parseId(String aggregateIdentifier) {
        try {
            return Long.parseLong(aggregateIdentifier);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
