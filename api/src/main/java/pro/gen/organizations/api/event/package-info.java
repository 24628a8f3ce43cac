/**
 * Events: what happened to an organization. They are a published contract, stored for
 * good: a field is never renamed or removed without a new revision and an upcaster. Each
 * event carries the organization, the user who caused it and when it happened.
 */
package pro.gen.organizations.api.event;
