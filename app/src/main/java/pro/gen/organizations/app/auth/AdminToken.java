package pro.gen.organizations.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.servlet.HandlerInterceptor;
import pro.gen.organizations.app.web.ApiException;

/**
 * Guards the admin endpoints with {@code X-Admin-Token}. Without a configured token they do
 * not exist: every admin path answers 404.
 */
@Component
public class AdminToken implements HandlerInterceptor {

    public static final String HEADER = "X-Admin-Token";

    private final byte[] expectedDigest;

    public AdminToken(@Value("${orgs.admin-token:}") String token) {
        this.expectedDigest = token.isBlank() ? null : Secrets.digest(token);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response,
                             Object handler) {
        if (CorsUtils.isPreFlightRequest(request)) {
            return true;
        }
        if (expectedDigest == null) {
            throw ApiException.notFound();
        }
        String presented = Headers.single(request, HEADER);
        if (presented == null || !Secrets.sameSecret(presented, expectedDigest)) {
            throw ApiException.unauthorized("Missing or invalid admin token.");
        }
        return true;
    }
}
