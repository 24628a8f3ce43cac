package pro.gen.organizations.api.query;

/**
 * An organization seen as a workspace: its id and name.
 *
 * @param id the organization's id
 * @param name its display name
 */
public record WorkspaceView(long id, String name) {
}
