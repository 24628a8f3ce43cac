package pro.gen.organizations.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import pro.gen.organizations.app.web.ApiException;

/**
 * Lets a request through only with a valid {@code X-API-Key}, and remembers whose key it
 * was for the handler. Every failure gets the same answer, so that a caller cannot tell a
 * missing key from a wrong or revoked one.
 */
@Component
public class ApiKeyAuthentication implements HandlerInterceptor {

    public static final String HEADER = "X-API-Key";

    private static final String USER_ATTRIBUTE = ApiKeyAuthentication.class.getName() + ".user";

    /** Longer than any key this service makes; a longer value is refused unhashed. */
    private static final int MAX_KEY_LENGTH = 256;

    private final UserDirectory users;

    public ApiKeyAuthentication(UserDirectory users) {
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                             Object handler) {
        if (CorsUtils.isPreFlightRequest(request)) {
            return true;
        }
        String key = Headers.single(request, HEADER);
        User user = key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH
                ? null
                : users.findByApiKey(key).orElse(null);
        if (user == null) {
            throw ApiException.unauthorized("Missing or invalid API key.");
        }

        request.setAttribute(USER_ATTRIBUTE, user);
        return true;
    }

    /** The user that {@link #preHandle} let through. */
    static User userOf(HttpServletRequest request) {
        User user = (User) request.getAttribute(USER_ATTRIBUTE);
        if (user == null) {
            throw new IllegalStateException("No authenticated user on " + request.getRequestURI());
        }
        return user;
    }
}
