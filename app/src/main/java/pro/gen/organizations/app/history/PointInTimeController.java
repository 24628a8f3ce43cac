package pro.gen.organizations.app.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.query.FindOrganization;
import pro.gen.organizations.api.query.OrganizationView;
import pro.gen.organizations.app.auth.User;
import pro.gen.organizations.app.avatar.AvatarUrls;
import pro.gen.organizations.app.web.ApiException;
import pro.gen.organizations.app.web.Ids;
import pro.gen.organizations.app.web.OrganizationJson;
import pro.gen.organizations.command.OrganizationTimeline;
import pro.gen.organizations.command.PastOrganization;

/**
 * An organization as it stood at a version or a moment, computed from its events. The caller
 * must be a member now; the role shown is the one they held then, or their present one if
 * they joined later.
 */
@RestController
public class PointInTimeController {

    private final EventStorageEngine storage;
    private final QueryGateway queries;
    private final ObjectMapper json;
    private final AvatarUrls avatarUrls;

    public PointInTimeController(EventStorageEngine storage, QueryGateway queries,
                                 ObjectMapper json, AvatarUrls avatarUrls) {
        this.storage = storage;
        this.queries = queries;
        this.json = json;
        this.avatarUrls = avatarUrls;
    }

    @GetMapping(path = "/v1/organizations/{id}", params = {"version", "!as_of"})
    ObjectNode atVersion(User user, @PathVariable("id") String rawId,
                         @RequestParam("version") String rawVersion) {
        long id = Ids.organization(rawId);
        OrganizationView now = currentView(id, user);
        if (!rawVersion.matches("[0-9]{1,19}")) {
            throw ApiException.invalidField("version", "must be a whole number from 0");
        }
        long latest = storage.lastSequenceNumberFor(Long.toString(id)).orElse(-1L);
        if (rawVersion.length() > 18 || Long.parseLong(rawVersion) > latest) {
            throw ApiException.invalidField("version", "is past the latest version, " + latest);
        }

        long version = Long.parseLong(rawVersion);
        return show(OrganizationTimeline.atVersion(history(id), version), now, user, id);
    }

    @GetMapping(path = "/v1/organizations/{id}", params = {"as_of", "!version"})
    ObjectNode asOf(User user, @PathVariable("id") String rawId,
                    @RequestParam("as_of") String rawMoment) {
        long id = Ids.organization(rawId);
        OrganizationView now = currentView(id, user);
        Instant moment;
        try {
            moment = Instant.parse(rawMoment);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidField("as_of",
                    "must be an ISO 8601 UTC time such as 2026-03-01T12:00:00Z");
        }

        return show(OrganizationTimeline.asOf(history(id), moment), now, user, id);
    }

    /** Both at once would be two points; without this the two handlers above are ambiguous. */
    @GetMapping(path = "/v1/organizations/{id}", params = {"version", "as_of"})
    ObjectNode versionAndMoment(User user, @PathVariable("id") String rawId) {
        long id = Ids.organization(rawId);
        currentView(id, user);
        throw ApiException.validation("Give either version or as_of, not both.");
    }

    private ObjectNode show(Optional<PastOrganization> past, OrganizationView now, User user,
                            long id) {
        PastOrganization then = past.orElseThrow(() -> ApiException.organizationNotFound(id));
        Role role = then.members().getOrDefault(user.id(), now.userRole());
        OrganizationView view = new OrganizationView(then.id(), then.uuid(), then.name(), role,
                then.members().size(), then.createdAt(), then.updatedAt(), then.avatarHash(),
                then.avatarThumbnailHash());
        ObjectNode body = json.valueToTree(OrganizationJson.of(view, avatarUrls));
        body.put("version", then.version());
        return body;
    }

    private OrganizationView currentView(long id, User user) {
        return queries.query(new FindOrganization(id, user.id()),
                        ResponseTypes.optionalInstanceOf(OrganizationView.class)).join()
                .orElseThrow(() -> ApiException.organizationNotFound(id));
    }

    private Iterator<? extends DomainEventMessage<?>> history(long id) {
        return storage.readEvents(Long.toString(id), 0);
    }
}
