package pro.gen.organizations.app.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
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
import pro.gen.organizations.api.Avatar;
import pro.gen.organizations.api.OrganizationName;
import pro.gen.organizations.api.command.ChangeOrganizationAvatar;
import pro.gen.organizations.api.command.CreateOrganization;
import pro.gen.organizations.api.command.DeleteOrganization;
import pro.gen.organizations.api.command.RenameOrganization;
import pro.gen.organizations.api.query.FindOrganization;
import pro.gen.organizations.api.query.FindOrganizationsOfUser;
import pro.gen.organizations.api.query.OrganizationView;
import pro.gen.organizations.api.refusal.ActionNotAllowed;
import pro.gen.organizations.api.refusal.InvalidOrganizationName;
import pro.gen.organizations.app.auth.User;
import pro.gen.organizations.app.avatar.AvatarImages;
import pro.gen.organizations.app.avatar.AvatarUploads;
import pro.gen.organizations.app.avatar.AvatarUrls;
import pro.gen.organizations.app.avatar.PreparedAvatar;
import pro.gen.organizations.app.avatar.RefusedImage;
import pro.gen.organizations.app.consistency.Commands;
import pro.gen.organizations.command.OrganizationIds;

/** Organizations: list, create, read, rename, change the avatar and delete. */
@RestController
@RequestMapping("/v1/organizations")
public class OrganizationController {

    private static final Logger log = LoggerFactory.getLogger(OrganizationController.class);

    static final String NAME = "organization[name]";
    static final String AVATAR = "organization[avatar]";

    private final Commands commands;
    private final QueryGateway queries;
    private final OrganizationIds ids;
    private final AvatarImages avatarImages;
    private final AvatarUploads avatarUploads;
    private final AvatarUrls avatarUrls;
    private final int maxBodyBytes;

    public OrganizationController(Commands commands, QueryGateway queries, OrganizationIds ids,
                                  AvatarImages avatarImages, AvatarUploads avatarUploads,
                                  AvatarUrls avatarUrls,
                                  @Value("${orgs.http.max-body-bytes}") int maxBodyBytes) {
        this.commands = commands;
        this.queries = queries;
        this.ids = ids;
        this.avatarImages = avatarImages;
        this.avatarUploads = avatarUploads;
        this.avatarUrls = avatarUrls;
        this.maxBodyBytes = maxBodyBytes;
    }

    @GetMapping
    List<OrganizationJson> list(User user) {
        return queries.query(new FindOrganizationsOfUser(user.id()),
                        ResponseTypes.multipleInstancesOf(OrganizationView.class))
                .join().stream().map(view -> OrganizationJson.of(view, avatarUrls)).toList();
    }

    @PostMapping
    ResponseEntity<Map<String, Long>> create(User user, HttpServletRequest request) {
        RequestFields fields = RequestFields.read(request, maxBodyBytes)
                .requireGroup("organization");
        String name = checkedName(fields.text(NAME).orElse(null));
        Optional<PreparedAvatar> avatar = avatar(fields);

        long id = ids.nextOrganizationId();
        long agentId = ids.nextAgentId();
        Avatar facts = avatar.map(PreparedAvatar::avatar).orElse(null);
        BooleanSupplier create = () -> commands.send(id, new CreateOrganization(
                id, UUID.randomUUID(), name, agentId, user.id(), facts));
        if (avatar.isPresent()) {
            avatarUploads.storeAround(avatar.get(), create);
        } else {
            create.getAsBoolean();
        }

        log.info("Organization [{}] created by user [{}]", id, user.id());
        return ResponseEntity.created(URI.create("/v1/organizations/" + id))
                .body(Map.of("organization_id", id));
    }

    @GetMapping("/{id}")
    OrganizationJson get(User user, @PathVariable("id") String rawId) {
        long id = Ids.organization(rawId);
        return find(id, user).map(view -> OrganizationJson.of(view, avatarUrls))
                .orElseThrow(() -> ApiException.organizationNotFound(id));
    }

    @PatchMapping("/{id}")
    Map<String, Long> update(User user, @PathVariable("id") String rawId,
                             HttpServletRequest request) {
        long id = Ids.organization(rawId);
        RequestFields fields = RequestFields.read(request, maxBodyBytes)
                .requireGroup("organization");
        Optional<String> name = fields.text(NAME).map(OrganizationController::checkedName);
        Optional<PreparedAvatar> avatar = avatar(fields);

        Runnable rename = () -> name.ifPresent(newName ->
                commands.send(id, new RenameOrganization(id, newName, user.id())));
        if (avatar.isPresent()) {
            avatarUploads.storeAround(avatar.get(), () -> {
                rename.run();
                return commands.send(id, new ChangeOrganizationAvatar(
                        id, avatar.get().avatar(), user.id()));
            });
            log.info("Avatar of organization [{}] changed by user [{}]", id, user.id());
        } else if (name.isPresent()) {
            rename.run();
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

    /**
     * The avatar file of the request, checked and converted, but not stored yet. It can only
     * come as a file part of a multipart body.
     */
    private Optional<PreparedAvatar> avatar(RequestFields fields) {
        Optional<Part> part = fields.file(AVATAR);
        if (part.isEmpty()) {
            if (fields.hasValue(AVATAR)) {
                throw ApiException.invalidField(AVATAR,
                        "must be a file sent as multipart/form-data");
            }
            return Optional.empty();
        }
        try {
            return Optional.of(avatarImages.prepare(readAvatar(part.get())));
        } catch (RefusedImage refused) {
            throw ApiException.invalidField(AVATAR, refused.reason());
        }
    }

    private static byte[] readAvatar(Part part) {
        if (part.getSize() > Avatar.MAX_UPLOAD_BYTES) {
            throw ApiException.invalidField(AVATAR, AvatarImages.TOO_LARGE);
        }
        try (InputStream in = part.getInputStream()) {
            byte[] content = in.readNBytes((int) Avatar.MAX_UPLOAD_BYTES + 1);
            if (content.length > Avatar.MAX_UPLOAD_BYTES) {
                throw ApiException.invalidField(AVATAR, AvatarImages.TOO_LARGE);
            }
            return content;
        } catch (IOException e) {
            throw ApiException.badRequest("The multipart body could not be read.");
        }
    }
}
