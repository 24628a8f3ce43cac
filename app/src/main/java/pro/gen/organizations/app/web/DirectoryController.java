package pro.gen.organizations.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import pro.gen.organizations.api.query.AgentView;
import pro.gen.organizations.api.query.FindAgents;
import pro.gen.organizations.api.query.FindWorkspaces;
import pro.gen.organizations.api.query.WorkspaceView;
import pro.gen.organizations.app.auth.User;

/** The caller, and the agents and workspaces of the organizations they run. */
@RestController
public class DirectoryController {

    private final QueryGateway queries;

    public DirectoryController(QueryGateway queries) {
        this.queries = queries;
    }

    record UserJson(long id, String email, String name,
                    @JsonProperty("created_at") String createdAt,
                    @JsonProperty("created_at_ts") long createdAtTs) {

        static UserJson of(User user) {
            return new UserJson(user.id(), user.email(), user.name(),
                    Times.iso(user.createdAt()), Times.millis(user.createdAt()));
        }
    }

    record AgentJson(long id, String name, @JsonProperty("workspace_id") long workspaceId,
                     boolean system, @JsonProperty("created_at") String createdAt,
                     @JsonProperty("created_at_ts") long createdAtTs) {

        static AgentJson of(AgentView agent) {
            return new AgentJson(agent.id(), agent.name(), agent.workspaceId(), agent.system(),
                    Times.iso(agent.createdAt()), Times.millis(agent.createdAt()));
        }
    }

    @GetMapping("/v1/me")
    UserJson me(User user) {
        return UserJson.of(user);
    }

    @GetMapping("/v1/agents")
    List<AgentJson> agents(User user,
                           @RequestParam(name = "workspace_id", required = false) String raw) {
        Long workspaceId = null;
        if (raw != null) {
            workspaceId = Ids.positive(raw.strip());
            if (workspaceId == null) {
                throw ApiException.invalidField("workspace_id", "must be a positive whole number");
            }
        }
        return queries.query(new FindAgents(user.id(), workspaceId),
                        ResponseTypes.multipleInstancesOf(AgentView.class))
                .join().stream().map(AgentJson::of).toList();
    }

    @GetMapping("/v1/workspaces")
    List<WorkspaceView> workspaces(User user) {
        return queries.query(new FindWorkspaces(user.id()),
                ResponseTypes.multipleInstancesOf(WorkspaceView.class)).join();
    }
}
