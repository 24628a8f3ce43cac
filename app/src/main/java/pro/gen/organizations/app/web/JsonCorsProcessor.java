package pro.gen.organizations.app.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.cors.DefaultCorsProcessor;

/**
 * The service allows no cross-origin browser calls; a refused CORS request is answered in
 * the contract's JSON shape instead of Spring's plain text.
 */
public class JsonCorsProcessor extends DefaultCorsProcessor {

    private static final byte[] BODY = ("{\"error\":\"Cross-origin requests are not allowed.\","
            + "\"error_code\":\"forbidden\"}").getBytes(StandardCharsets.UTF_8);

    @Override
    protected void rejectRequest(ServerHttpResponse response) throws IOException {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(BODY);
        response.flush();
    }
}
