package pro.gen.organizations.command;

import pro.gen.organizations.api.Role;
import pro.gen.organizations.api.refusal.ActionNotAllowed;

/**
 * The table of role rights: who may rename, change the avatar, delete and manage whom.
 * Every member may read the organization and leave it, so those need no check.
 */
final class Permissions {

    private Permissions() {
    }

    static void checkMayRename(Role actor) {
        if (!actor.isPrivileged()) {
            throw new ActionNotAllowed(actor, "rename the organization");
        }
    }

    static void checkMayChangeAvatar(Role actor) {
        if (!actor.isPrivileged()) {
            throw new ActionNotAllowed(actor, "change the organization's avatar");
        }
    }

    static void checkMayDelete(Role actor) {
        if (actor != Role.OWNER) {
            throw new ActionNotAllowed(actor, "delete the organization");
        }
    }

    /** Owners and managers manage members; editors and viewers manage no one. */
    static void checkMayManageMembers(Role actor) {
        if (!actor.isPrivileged()) {
            throw new ActionNotAllowed(actor, "manage members");
        }
    }

    /**
     * Owners and managers may only be added, changed or removed by an owner, and only an
     * owner may make someone an owner or a manager.
     */
    static void checkMayManage(Role actor, Role target) {
        if (target.isPrivileged() && actor != Role.OWNER) {
            throw new ActionNotAllowed(actor, "manage owners or managers");
        }
    }
}
