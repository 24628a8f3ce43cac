package pro.gen.organizations.app.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Enumeration;

/** Reading a credential header, which must come exactly once. */
final class Headers {

    private Headers() {
    }

    /**
     * The header's value, or null when it is missing or sent more than once: with two keys
     * there is no telling which one the caller meant.
     */
    static String single(HttpServletRequest request, String name) {
        Enumeration<String> values = request.getHeaders(name);
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        return values.hasMoreElements() ? null : first;
    }
}
