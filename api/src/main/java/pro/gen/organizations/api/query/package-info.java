/**
 * Queries that the read side answers, and the views they return. Every query names the
 * user who asks, because what a user may see depends on their memberships.
 */
package pro.gen.organizations.api.query;
