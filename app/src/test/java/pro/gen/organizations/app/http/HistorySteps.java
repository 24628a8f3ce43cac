package pro.gen.organizations.app.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import pro.gen.organizations.app.support.ApiClient;
import pro.gen.organizations.app.support.ApiClient.Answer;
import pro.gen.organizations.app.support.ApiClient.TestUser;

/** The audit trail, point-in-time and feed requests that the history tests make, by name. */
final class HistorySteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient api;

    HistorySteps(ApiClient api) {
        this.api = api;
    }

    static String trailPath(long organizationId, String query) {
        return OrganizationSteps.organizationPath(organizationId) + "/events" + query(query);
    }

    static String adminTrailPath(long organizationId, String query) {
        return "/v1/admin/organizations/" + organizationId + "/events" + query(query);
    }

    static String feedPath(String query) {
        return "/v1/admin/events" + query(query);
    }

    /** A page of the member-facing audit trail; the query is given without {@code ?}. */
    Answer trail(long organizationId, TestUser caller, String query) {
        return api.get(trailPath(organizationId, query), caller);
    }

    /** A page of the admin audit trail, with the admin token. */
    Answer adminTrail(long organizationId, String query) {
        return admin(adminTrailPath(organizationId, query));
    }

    /** A page of the global feed, with the admin token. */
    Answer feed(String query) {
        return admin(feedPath(query));
    }

    Answer admin(String path) {
        return api.send(api.request(path, null).header("X-Admin-Token", ApiClient.ADMIN_TOKEN)
                .GET());
    }

    /** The events of a page that must have answered 200. */
    static List<JsonNode> events(Answer page) {
        assertThat(page.status()).as(page.text()).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        page.json().get("events").forEach(events::add);
        return events;
    }

    /** Every event of the organization's trail, read as its owner in one page. */
    List<JsonNode> wholeTrail(long organizationId, TestUser owner) {
        return events(trail(organizationId, owner, "limit=500"));
    }

    /** A write with a JSON body that carries the given request id. */
    Answer write(String method, String path, TestUser caller, Object body, String requestId) {
        try {
            return api.send(api.request(path, caller)
                    .header("Content-Type", "application/json")
                    .header("X-Request-Id", requestId)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(
                            JSON.writeValueAsBytes(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deletion that carries the given request id. */
    Answer delete(String path, TestUser caller, String requestId) {
        return api.send(api.request(path, caller).header("X-Request-Id", requestId).DELETE());
    }

    private static String query(String query) {
        return query == null || query.isEmpty() ? "" : "?" + query;
    }
}
