package pro.gen.organizations.app.history;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pro.gen.organizations.api.query.FindOrganization;
import pro.gen.organizations.api.query.OrganizationView;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.app.auth.User;
import pro.gen.organizations.app.web.ApiException;
import pro.gen.organizations.app.web.Ids;

/**
 * The audit trail: an organization's events, read from the event store, for its owners and
 * managers, and for the admin, also once it is deleted.
 */
@RestController
public class HistoryController {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;

    private final EventHistory history;
    private final QueryGateway queries;

    public HistoryController(EventHistory history, QueryGateway queries) {
        this.history = history;
        this.queries = queries;
    }

    /** A page of events and where the next page starts. */
    public record Page(List<RecordedEvent> events, @JsonProperty("next_after") Long nextAfter) {
    }

    @GetMapping("/v1/organizations/{id}/events")
    Page trail(User user, @PathVariable("id") String rawId,
               @RequestParam(name = "after", required = false) String after,
               @RequestParam(name = "limit", required = false) String limit) {
        long id = Ids.organization(rawId);
        OrganizationView view = queries.query(new FindOrganization(id, user.id()),
                        ResponseTypes.optionalInstanceOf(OrganizationView.class)).join()
                .orElseThrow(() -> ApiException.organizationNotFound(id));
        if (!view.userRole().isPrivileged()) {
            throw new ActionNotAllowed(view.userRole(), "read the organization's history");
        }

        return page(id, after, limit);
    }

    @GetMapping("/v1/admin/organizations/{id}/events")
    Page adminTrail(@PathVariable("id") String rawId,
                    @RequestParam(name = "after", required = false) String after,
                    @RequestParam(name = "limit", required = false) String limit) {
        long id = Ids.organization(rawId);
        Page page = page(id, after, limit);
        if (page.events().isEmpty() && parseAfter(after) < 0) {
            throw ApiException.organizationNotFound(id);
        }
        return page;
    }

    private Page page(long id, String rawAfter, String rawLimit) {
        long after = parseAfter(rawAfter);
        int limit = PageLimits.parse(rawLimit, DEFAULT_LIMIT, MAX_LIMIT);

        List<DomainEventMessage<?>> events = history.ofOrganization(id, after, limit + 1);
        boolean more = events.size() > limit;
        List<RecordedEvent> shown = events.stream().limit(limit)
                .map(EventRecords::ofHistory).toList();
        Long nextAfter = more ? shown.get(shown.size() - 1).sequence() : null;
        return new Page(shown, nextAfter);
    }

    private static long parseAfter(String raw) {
        if (raw == null) {
            return -1;
        }
        return Cursors.parse(raw, "after");
    }
}
