/**
 * Commands: what a client asks an organization to do. Each names the organization it is
 * for and the user who asks.
 */
package pro.gen.organizations.api.command;
