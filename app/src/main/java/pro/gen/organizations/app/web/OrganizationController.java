package pro.gen.organizations.app.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import pro.gen.organizations.api.OrganizationName;
import pro.gen.organizations.api.command.CreateOrganization;
import pro.gen.organizations.api.command.DeleteOrganization;
import pro.gen.organizations.api.command.RenameOrganization;
import pro.gen.organizations.api.query.FindOrganization;
import pro.gen.organizations.api.query.FindOrganizationsOfUser;
import pro.gen.organizations.api.query.OrganizationView;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.InvalidOrganizationName;
import pro.gen.organizations.app.auth.User;
import pro.gen.organizations.app.consistency.Commands;
import pro.gen.organizations.command.OrganizationIds;

/** Organizations: list, create, read, rename and delete. */
@RestController
@RequestMapping("/v1/organizations")
public class OrganizationController {

    private static final Logger log = LoggerFactory.getLogger(OrganizationController.class);

    static final String NAME = "organization[name]";
    static final String AVATAR = "organization[avatar]";

    private final Commands commands;
    private final QueryGateway queries;
    private final OrganizationIds ids;
    private final int maxBodyBytes;

    public OrganizationController(Commands commands, QueryGateway queries, OrganizationIds ids,
                                  @Value("${orgs.http.max-body-bytes}") int maxBodyBytes) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.maxBodyBytes = maxBodyBytes;
    }

    @GetMapping
    List<OrganizationJson> list(User user) {
        return queries.query(new FindOrganizationsOfUser(user.id()),
                        ResponseTypes.multipleInstancesOf(OrganizationView.class))
                .join().stream().map(OrganizationJson::of).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Long>> create(User user, HttpServletRequest request) {
        RequestFields fields = RequestFields.read(request, maxBodyBytes);
        refuseAvatar(fields);
        String name = checkedName(fields.text(NAME).orElse(null));

        long id = ids.nextOrganizationId();
        long agentId = ids.nextAgentId();
        commands.send(id, new CreateOrganization(id, UUID.randomUUID(), name, agentId, user.id()));

        log.info("Organization [{}] created by user [{}]", id, user.id());
        return ResponseEntity.created(URI.create("/v1/organizations/" + id))
                .body(Map.of("organization_id", id));
    }

    @GetMapping("/{id}")
    OrganizationJson get(User user, @PathVariable("id") String rawId) {
        long id = Ids.organization(rawId);
        return find(id, user).map(OrganizationJson::of)
                .orElseThrow(() -> ApiException.organizationNotFound(id));
    }

    @PatchMapping("/{id}")
    Map<String, Long> update(User user, @PathVariable("id") String rawId,
                             HttpServletRequest request) {
        long id = Ids.organization(rawId);
        RequestFields fields = RequestFields.read(request, maxBodyBytes);
        refuseAvatar(fields);
        Optional<String> name = fields.text(NAME);

        if (name.isPresent()) {
            commands.send(id, new RenameOrganization(id, checkedName(name.get()), user.id()));
        } else {
            // Nothing to change, but the caller is told what they would be told for a change.
            OrganizationView view = find(id, user)
                    .orElseThrow(() -> ApiException.organizationNotFound(id));
            if (!view.userRole().isPrivileged()) {
                throw new ActionNotAllowed(view.userRole(), "change the organization");
            }
        }
        return Map.of("organization_id", id);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(User user, @PathVariable("id") String rawId) {
        long id = Ids.organization(rawId);

        commands.send(id, new DeleteOrganization(id, user.id()));

        log.info("Organization [{}] deleted by user [{}]", id, user.id());
        return ResponseEntity.ok().build();
    }

    private Optional<OrganizationView> find(long id, User user) {
        return queries.query(new FindOrganization(id, user.id()),
                ResponseTypes.optionalInstanceOf(OrganizationView.class)).join();
    }

    private static String checkedName(String raw) {
        try {
            return OrganizationName.normalize(raw);
        } catch (InvalidOrganizationName e) {
            throw ApiException.invalidField(NAME, e.reason());
        }
    }

    private static void refuseAvatar(RequestFields fields) {
        if (fields.has(AVATAR)) {
            throw ApiException.invalidField(AVATAR, "is not accepted yet: avatars cannot be"
                    + " uploaded in this version");
        }
    }
}
