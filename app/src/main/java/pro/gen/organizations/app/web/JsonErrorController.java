package pro.gen.organizations.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the servlet container sends errors raised outside Spring MVC, such as in a filter:
 * they get the contract's body too, never Boot's default one.
 */
@RestController
public class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        // Asked for directly, /error is just a path that does not exist.
        int code = status instanceof Integer given && given >= 400 ? given : 404;
        ErrorCodes.Code error = ErrorCodes.forStatus(code);
        return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON)
                .body(ApiError.of(error.message(), error.code()));
    }
}
