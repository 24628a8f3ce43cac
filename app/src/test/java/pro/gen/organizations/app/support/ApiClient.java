package pro.gen.organizations.app.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** A small HTTP client for the service under test, speaking its three body forms. */
public final class ApiClient {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong USERS = new AtomicLong();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** A user with their API key. */
    public record TestUser(long id, String email, String apiKey) {

        /** Someone who presents the given key, which need not belong to anyone. */
        public static TestUser presenting(String apiKey) {
            return new TestUser(0, "nobody@example.com", apiKey);
        }
    }

    /** An answer: status, headers and the body, parsed when it is JSON. */
    public record Answer(int status, HttpResponse<byte[]> raw) {

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public String text() {
            return new String(raw.body(), StandardCharsets.UTF_8);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String errorCode() {
            return json().path("error_code").asText(null);
        }
    }

    /** Provisions a new user with a unique email through the admin endpoint. */
    public TestUser newUser() {
        String email = "user-" + USERS.incrementAndGet() + "-" + UUID.randomUUID()
                + "@example.com";
        Answer answer = send(HttpRequest.newBuilder(uri("/v1/admin/users"))
                .header("X-Admin-Token", ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"user\":{\"email\":\"" + email + "\",\"name\":\"Test User\"}}")));
        if (answer.status() != 201) {
            throw new IllegalStateException("Could not provision a user: " + answer.text());
        }
        JsonNode body = answer.json();
        return new TestUser(body.get("id").asLong(), email, body.get("api_key").asText());
    }

    /** Creates an organization owned by the user and returns its id. */
    public long newOrganization(TestUser owner, String name) {
        Answer answer = json("POST", "/v1/organizations", owner,
                Map.of("organization", Map.of("name", name)));
        if (answer.status() != 201) {
            throw new IllegalStateException("Could not create an organization: " + answer.text());
        }
        return answer.json().get("organization_id").asLong();
    }

    public Answer get(String path, TestUser user) {
        return send(request(path, user).GET());
    }

    public Answer delete(String path, TestUser user) {
        return send(request(path, user).DELETE());
    }

    public Answer json(String method, String path, TestUser user, Object body) {
        try {
            return raw(method, path, user, "application/json", JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A URL-encoded form, fields named in bracket form ({@code organization[name]}). */
    public Answer form(String method, String path, TestUser user, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return raw(method, path, user, "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8));
    }

    /** A multipart form of text fields, and optionally one file part. */
    public Answer multipart(String method, String path, TestUser user, Map<String, String> fields,
                            String fileField, byte[] file) {
        String boundary = "----test" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> ordered = new LinkedHashMap<>(fields);
        ordered.forEach((name, value) -> write(body, "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n"
                + value + "\r\n"));
        if (fileField != null) {
            write(body, "--" + boundary + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"file.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n");
            body.writeBytes(file);
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return raw(method, path, user, "multipart/form-data; boundary=" + boundary,
                body.toByteArray());
    }

    /** Any request with a body as given; a null content type sends none. */
    public Answer raw(String method, String path, TestUser user, String contentType,
                      byte[] body) {
        return raw(method, path, user, contentType, body, new String[0]);
    }

    /** Any request with a body, and extra headers given as name, value, name, value... */
    public Answer raw(String method, String path, TestUser user, String contentType,
                      byte[] body, String... headers) {
        HttpRequest.Builder builder = request(path, user)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(withHeaders(builder, headers));
    }

    /** A request without a body, and extra headers given as name, value, name, value... */
    public Answer call(String method, String path, TestUser user, String... headers) {
        return send(withHeaders(request(path, user)
                .method(method, HttpRequest.BodyPublishers.noBody()), headers));
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder request(String path, TestUser user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path));
        if (user != null) {
            builder.header("X-API-Key", user.apiKey());
        }
        return builder;
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    private static HttpRequest.Builder withHeaders(HttpRequest.Builder builder,
                                                   String... headers) {
        if (headers.length % 2 != 0) {
            throw new IllegalArgumentException("Headers come as name, value pairs");
        }
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return builder;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }
}
